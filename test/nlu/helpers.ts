import { type Command, type ContractResult, toContract } from '../../src/core/command.ts';
import type { Speaker } from '../../src/core/parser.ts';
import { createParser } from '../../src/nlu/index.ts';

/** The parser under test, trained once per test file. */
export const parse = createParser({
  onError: (error) => {
    throw error;
  },
});

/** A fixed clock: Tuesday 24 November 2026, 10:00 in New York (15:00 UTC, EST). */
export const NOW = '2026-11-24T15:00:00.000Z';
export const TZ = 'America/New_York';

/** Options for one parse in a test. */
export interface At {
  now?: string;
  tz?: string;
  as?: Speaker;
}

/** Parses `text` and returns the Command. */
export function command(text: string, at: At = {}): Command {
  return parse(text, { now: new Date(at.now ?? NOW), timeZone: at.tz ?? TZ, as: at.as ?? 'operator' });
}

/** Parses `text` and returns what `crm parse --json` prints. */
export function contract(text: string, at: At = {}): ContractResult {
  return toContract(command(text, at));
}
