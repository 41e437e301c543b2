import { describe, expect, it } from 'vitest';
import { CONTRACT_INTENTS, CONTRACT_SLOTS, type Command, toContract } from '../../src/core/command.ts';
import { randomContext, randomMessage, seededRandom } from '../../src/nlu/random-messages.ts';
import { command, parse } from './helpers.ts';

// The full 100,000-message run is in bench/nlu.ts; this keeps the test suite fast.
const MESSAGES = 25_000;

// What is wrong with a parse result, or undefined when it is a valid Command (plain checks: the
// loop below runs tens of thousands of times).
function problemWith(c: Command): string | undefined {
  if (typeof c?.intent !== 'string') return 'no intent';
  const result = toContract(c);
  if (!(CONTRACT_INTENTS as readonly string[]).includes(result.intent)) return `intent ${result.intent}`;
  for (const [name, value] of Object.entries(result.slots)) {
    if (!(CONTRACT_SLOTS as readonly string[]).includes(name)) return `slot ${name}`;
    const ok = name === 'dueAt' ? /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(String(value))
      : name === 'amount' || name === 'score' ? Number.isFinite(value) : typeof value === 'string';
    if (!ok) return `${name}=${String(value)}`;
  }
  JSON.stringify(result);
  return undefined;
}

describe('robustness', () => {
  it(`answers ${MESSAGES} random, unicode, control-character and 100 KB messages without throwing`, () => {
    const rand = seededRandom(7);
    const problems: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const problem = problemWith(parse(randomMessage(rand, i), randomContext(rand)));
      if (problem) problems.push(`#${i}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers over-long messages with too_long and blank ones with empty', () => {
    expect(command('a'.repeat(100 * 1024))).toEqual({ intent: 'unknown', reason: 'too_long' });
    expect(command('called Acme '.repeat(900), { as: 'customer' })).toEqual({ intent: 'unknown', reason: 'too_long' });
    expect(command('x'.repeat(10_001))).toEqual({ intent: 'unknown', reason: 'too_long' });
    expect(command('')).toEqual({ intent: 'unknown', reason: 'empty' });
    expect(command(' \n\t ')).toEqual({ intent: 'unknown', reason: 'empty' });
    expect(command('\u0000\u0001\u200B')).toEqual({ intent: 'unknown', reason: 'empty' });
    expect(command('🙂')).toEqual({ intent: 'unknown', reason: 'not_understood' });
  });

  it('reads a message of exactly 10,000 characters', () => {
    const text = `called Acme, ${'they want more. '.repeat(700)}`.slice(0, 10_000);
    expect(command(text)).toMatchObject({ intent: 'log_interaction', customer: 'Acme', kind: 'call' });
  });

  it('survives odd contexts: invalid zone, invalid date, missing context', () => {
    expect(parse('remind me to call Acme tomorrow', { now: new Date(Number.NaN), timeZone: 'Not/AZone', as: 'operator' }).intent).toBe('create_followup');
    expect(parse(undefined as unknown as string, undefined as never)).toEqual({ intent: 'unknown', reason: 'empty' });
    expect(parse('called Acme', undefined as never).intent).toBe('log_interaction');
  });

  it('keeps control characters, bidi marks and lone surrogates out of slots', () => {
    expect(toContract(command('called\u0000 Jane at Acme\u202E, \uD800worried about pricing'))).toEqual({
      intent: 'log_interaction', slots: { customer: 'Acme', contact: 'Jane', kind: 'call', note: 'worried about pricing' },
    });
  });
});
