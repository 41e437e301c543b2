import { describe, expect, it } from 'vitest';
import { sentimentOf } from '../../src/nlu/index.ts';

describe('sentimentOf', () => {
  it('is positive for praise and negative for complaints', () => {
    expect(sentimentOf('they love the new dashboard, great meeting')).toBeGreaterThan(0);
    expect(sentimentOf('worried about pricing')).toBeLessThan(0);
    expect(sentimentOf('the app keeps crashing and support is slow')).toBeLessThan(0);
  });

  it('does not let a negation flip the rest of the message (natural#negation trap)', () => {
    expect(sentimentOf('Not happy at all, the onboarding was terrible')).toBeLessThan(0);
    expect(sentimentOf("not bad, they're happy with the rollout")).toBeGreaterThan(0);
    expect(sentimentOf("they don't like the new pricing")).toBeLessThan(0);
  });

  it('is 0 for neutral or empty text and never throws', () => {
    expect(sentimentOf('')).toBe(0);
    expect(sentimentOf('sent the contract on Tuesday')).toBe(0);
    expect(Number.isFinite(sentimentOf('\u0000💥'.repeat(50_000)))).toBe(true);
  });
});
