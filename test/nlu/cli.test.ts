import { describe, expect, it } from 'vitest';
import { runParseCommand } from '../../src/cli/parse-command.ts';

async function* lines(items: string[]): AsyncIterable<string> {
  yield* items;
}

async function run(args: string[], stdin: string[] = []): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runParseCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: lines(stdin) });
  return { code, out, err };
}

describe('crm parse', () => {
  it('prints one contract object for a message', async () => {
    const r = await run(['--now', '2026-11-24T15:00:00Z', '--tz', 'America/New_York', '--json',
      'called Jane at Acme, worried about pricing, follow up next Tuesday']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out.map((l) => JSON.parse(l))).toEqual([{
      intent: 'log_interaction',
      slots: { customer: 'Acme', contact: 'Jane', kind: 'call', note: 'worried about pricing', dueAt: '2026-12-01T14:00:00.000Z' },
    }]);
  });

  it('parses as a customer with --as customer, and accepts --opt=value', async () => {
    const r = await run(['--as=customer', '--json', "I'd say 7, support is slow"]);
    expect(JSON.parse(r.out[0] ?? '')).toEqual({ intent: 'nps_reply', slots: { score: 7, note: 'support is slow' } });
  });

  it('defaults --tz to UTC and reads --now without an offset as local time in --tz', async () => {
    const utc = await run(['--now', '2026-07-08T12:00:00Z', '--json', 'remind me to call Acme tomorrow']);
    expect(JSON.parse(utc.out[0] ?? '').slots.dueAt).toBe('2026-07-09T09:00:00.000Z');
    const local = await run(['--now', '2026-07-08T23:30', '--tz', 'Asia/Tokyo', '--json', 'remind me to call Acme tomorrow']);
    expect(JSON.parse(local.out[0] ?? '').slots.dueAt).toBe('2026-07-09T00:00:00.000Z');
  });

  it('rejects an invalid --tz or --now with one line on stderr and exit code 2', async () => {
    for (const args of [['--tz', 'Mars/Olympus', 'hi'], ['--now', 'next tuesday', 'hi'], ['--now', '2026-02-30T10:00:00Z', 'hi'], ['--as', 'admin', 'hi'], ['--frobnicate', 'hi'], []]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err[0]).toMatch(/^crm parse: /);
    }
  });

  it('--batch answers every request line in order and never aborts on a bad one', async () => {
    const r = await run(['--batch'], [
      JSON.stringify({ text: 'pipeline?', now: '2026-11-24T15:00:00Z', tz: 'America/New_York', as: 'operator' }),
      '{not json',
      JSON.stringify({ text: '9, great support', as: 'customer' }),
      '',
      JSON.stringify({ text: 42 }),
      JSON.stringify({ text: 'snooze that until Monday', now: '2026-11-24T15:00:00Z', tz: 'America/New_York' }),
      JSON.stringify({ text: 'hi', tz: 'Nowhere/Land' }),
      JSON.stringify({ text: 'hi', now: 'yesterday' }),
      JSON.stringify(['text']),
    ]);
    expect(r.code).toBe(0);
    const results = r.out.map((l) => JSON.parse(l));
    expect(results).toHaveLength(8);
    expect(results[0]).toEqual({ intent: 'pipeline_report', slots: {} });
    expect(results[1]).toMatchObject({ intent: 'unknown', slots: {}, error: expect.any(String) });
    expect(results[2]).toEqual({ intent: 'nps_reply', slots: { score: 9, note: 'great support' } });
    expect(results[3]).toMatchObject({ intent: 'unknown', slots: {}, error: expect.stringContaining('text') });
    expect(results[4]).toEqual({ intent: 'snooze_followup', slots: { dueAt: '2026-11-30T14:00:00.000Z' } });
    for (const bad of results.slice(5)) expect(bad).toMatchObject({ intent: 'unknown', slots: {}, error: expect.any(String) });
  });
});
