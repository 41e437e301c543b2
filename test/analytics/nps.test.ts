import { describe, expect, it } from 'vitest';
import { npsBetween, npsBySegment, npsOf, npsTrend } from '../../src/analytics/nps.ts';

const scores = (promoters: number, passives: number, detractors: number) => [
  ...Array<number>(promoters).fill(10),
  ...Array<number>(passives).fill(8),
  ...Array<number>(detractors).fill(3),
];

describe('npsOf', () => {
  it('gives 10 for 30 promoters, 50 passives, 20 detractors (the seed example)', () => {
    const result = npsOf(scores(30, 50, 20));
    expect(result.nps).toBe(10);
    expect(result).toMatchObject({ answers: 100, promoters: 30, passives: 50, detractors: 20 });
  });

  it('matches the reference intervals for 50/30/20 of 100: NPS 30, Wald [14.69, 45.31], adjusted Wald [14.05, 44.20]', () => {
    const result = npsOf(scores(50, 30, 20));
    expect(result.nps).toBe(30);
    // Hand: variance = 0.5 + 0.2 - 0.3² = 0.61, MoE = 1.96·sqrt(0.61/100)·100 = 15.31.
    expect(result.marginOfError95).toBeCloseTo(15.31, 2);
    expect(result.wald95?.map((bound) => bound.toFixed(2))).toEqual(['14.69', '45.31']);
    expect(result.adjustedWald95?.map((bound) => bound.toFixed(2))).toEqual(['14.05', '44.20']);
  });

  it('counts 9-10 as promoters, 7-8 as passives and 0-6 as detractors', () => {
    const result = npsOf([0, 6, 7, 8, 9, 10]);
    expect(result).toMatchObject({ promoters: 2, passives: 2, detractors: 2, nps: 0 });
  });

  it('spans -100 to 100 and clips the interval to that range', () => {
    expect(npsOf([10, 9]).nps).toBe(100);
    expect(npsOf([0, 1]).nps).toBe(-100);
    expect(npsOf([10]).wald95).toEqual([100, 100]);
    expect(npsOf([10, 10, 10]).adjustedWald95?.[1]).toBeLessThanOrEqual(100);
  });

  it('returns null figures without answers', () => {
    expect(npsOf([])).toMatchObject({ nps: null, answers: 0, wald95: null, marginOfError95: null });
  });

  it('rejects scores outside 0-10', () => {
    expect(() => npsOf([11])).toThrow(RangeError);
    expect(() => npsOf([7.5])).toThrow(RangeError);
  });
});

describe('npsTrend', () => {
  const responses = [
    { score: 10, answeredAt: '2026-01-10T12:00:00.000Z' },
    // 23:30 UTC on 31 January is already 1 February in Paris, still 31 January in New York.
    { score: 0, answeredAt: '2026-01-31T23:30:00.000Z' },
    { score: 9, answeredAt: new Date('2026-04-02T08:00:00.000Z') },
  ];

  it('groups by calendar month in the given time zone', () => {
    expect(npsTrend(responses, { by: 'month', timeZone: 'Europe/Paris' }).map(({ period, nps, answers }) => [period, nps, answers])).toEqual([
      ['2026-01', 100, 1],
      ['2026-02', -100, 1],
      ['2026-04', 100, 1],
    ]);
    expect(npsTrend(responses, { by: 'month', timeZone: 'America/New_York' }).map(({ period, nps }) => [period, nps])).toEqual([
      ['2026-01', 0],
      ['2026-04', 100],
    ]);
  });

  it('groups by quarter', () => {
    expect(npsTrend(responses, { by: 'quarter', timeZone: 'UTC' }).map(({ period, answers }) => [period, answers])).toEqual([
      ['2026-Q1', 2],
      ['2026-Q2', 1],
    ]);
  });

  it('computes NPS over any period of calendar days', () => {
    expect(npsBetween(responses, { from: '2026-01-01', to: '2026-01-31', timeZone: 'Europe/Paris' })).toMatchObject({ answers: 1, nps: 100 });
    expect(npsBetween(responses, { from: '2026-01-01', to: '2026-01-31', timeZone: 'America/New_York' })).toMatchObject({ answers: 2, nps: 0 });
  });
});

describe('npsBySegment', () => {
  it('gives each segment its own NPS, most answers first', () => {
    const result = npsBySegment([
      { score: 10, segment: 'pro' },
      { score: 2, segment: 'free' },
      { score: 9, segment: 'free' },
      { score: 8, segment: 'free' },
      { score: 5 },
    ]);
    expect(result.map(({ segment, nps, answers }) => [segment, nps, answers])).toEqual([
      ['free', 0, 3],
      ['other', -100, 1],
      ['pro', 100, 1],
    ]);
  });
});
