import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyticsCommand } from '../../src/cli/analytics-command.ts';
import { CDNOW_AVAILABLE, cdnowSampleAsPurchasesCsv, readCdnowReference } from './cdnow-fixtures.ts';

const directory = mkdtempSync(join(tmpdir(), 'crm-analytics-command-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAnalyticsCommand(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

function csvFile(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

const SMALL_CSV = [
  'customer_id,date,amount',
  'a,2026-01-01,10',
  'a,2026-01-15,20',
  'a,2026-02-20,15',
  'b,2026-01-03,5',
  'b,2026-03-01,7',
  'c,2026-01-10,12',
  'd,2026-02-01,30',
  'd,2026-02-02,31',
  'd,2026-03-30,25',
].join('\n');

describe.skipIf(!CDNOW_AVAILABLE)('crm analytics fit on CDNOW', () => {
  it('reproduces the reference BG/NBD and Gamma-Gamma MLE within 1% on each parameter', async () => {
    const file = csvFile('cdnow.csv', cdnowSampleAsPurchasesCsv());
    const { code, out, err } = await run(['fit', file, '--until', '1997-09-30', '--unit', 'weeks']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const fitted = JSON.parse(out[0] ?? '{}') as Record<string, number>;
    expect(Object.keys(fitted).slice(0, 8)).toEqual(['r', 'alpha', 'a', 'b', 'p', 'q', 'gamma', 'logLikelihood']);
    const reference = readCdnowReference();
    const expected = { ...reference.bgnbd.mle, ...reference.gammaGamma.mle };
    for (const name of ['r', 'alpha', 'a', 'b', 'p', 'q', 'gamma'] as const) {
      expect(Math.abs((fitted[name] ?? 0) / expected[name] - 1), name).toBeLessThan(0.01);
    }
    expect(Math.abs((fitted.logLikelihood ?? 0) / reference.bgnbd.mle.logLik - 1)).toBeLessThan(0.001);
    expect(fitted.customers).toBe(2357);
  });

  it('fits the same model in days: alpha scales by 7, the shapes stay', async () => {
    const file = csvFile('cdnow-days.csv', cdnowSampleAsPurchasesCsv());
    const [weeks, days] = await Promise.all([
      run(['fit', file, '--until', '1997-09-30']),
      run(['fit', file, '--until', '1997-09-30', '--unit', 'days']),
    ]);
    const weekly = JSON.parse(weeks.out[0] ?? '{}') as Record<string, number>;
    const daily = JSON.parse(days.out[0] ?? '{}') as Record<string, number>;
    expect((daily.alpha ?? 0) / (weekly.alpha ?? 1)).toBeCloseTo(7, 2);
    for (const name of ['r', 'a', 'b']) expect((daily[name] ?? 0) / (weekly[name] ?? 1)).toBeCloseTo(1, 3);
  });
});

describe('crm analytics fit', () => {
  it('prints one JSON object of finite numbers and accepts --unit days and --until=', async () => {
    const file = csvFile('small.csv', SMALL_CSV);
    for (const args of [['fit', file], ['fit', file, '--unit=days', '--until=2026-03-30']]) {
      const { code, out } = await run(args);
      expect(code).toBe(0);
      expect(out).toHaveLength(1);
      const fitted = JSON.parse(out[0] ?? '{}') as Record<string, number>;
      expect(Object.keys(fitted)).toEqual(['r', 'alpha', 'a', 'b', 'p', 'q', 'gamma', 'logLikelihood', 'gammaGammaLogLikelihood', 'customers']);
      expect(Object.values(fitted).every(Number.isFinite)).toBe(true);
    }
  });

  const badInputs: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['fit', join(directory, 'nope.csv')], /cannot read .*nope\.csv: no such file/],
    ['a bad header', () => ['fit', csvFile('header.csv', 'id,date,amount\n1,2026-01-01,5\n')], /first line must be the header customer_id,date,amount/],
    ['a bad date', () => ['fit', csvFile('date.csv', 'customer_id,date,amount\n1,2026-01-01,5\n1,2026-02-30,5\n')], /line 3: date must be YYYY-MM-DD, got "2026-02-30"/],
    ['a negative amount', () => ['fit', csvFile('negative.csv', 'customer_id,date,amount\n1,2026-01-01,-5\n')], /line 2: amount must not be negative/],
    ['an amount that is not a number', () => ['fit', csvFile('nan.csv', 'customer_id,date,amount\n1,2026-01-01,ten\n')], /line 2: amount must be a number/],
    ['a bad --until', () => ['fit', csvFile('ok1.csv', SMALL_CSV), '--until', '30/09/1997'], /--until must be a date YYYY-MM-DD/],
    ['a bad --unit', () => ['fit', csvFile('ok2.csv', SMALL_CSV), '--unit', 'months'], /--unit must be days or weeks/],
    ['an unknown subcommand', () => ['predict'], /unknown subcommand "predict"/],
    ['no file', () => ['fit'], /usage: crm analytics fit/],
    ['no purchases before --until', () => ['fit', csvFile('early.csv', SMALL_CSV), '--until', '2025-01-01'], /no purchases on or before 2025-01-01/],
    ['no repeat buyer', () => ['fit', csvFile('once.csv', 'customer_id,date,amount\n1,2026-01-01,5\n2,2026-01-02,6\n')], /no repeat buyer/],
  ];

  for (const [what, args, message] of badInputs) {
    it(`reports ${what} in one line with exit code 2`, async () => {
      const { code, out, err } = await run(args());
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(message);
      expect(err[0]).not.toMatch(/\n|\bat .*:\d+:\d+/);
    });
  }
});
