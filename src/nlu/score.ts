import { type ContractResult, toContract } from '../core/command.ts';
import type { Parser } from '../core/parser.ts';
import type { CorpusEntry } from './corpus.ts';

/** Accuracy of one slot over the messages where the expected or the predicted output has it. */
export interface SlotScore {
  total: number;
  correct: number;
  accuracy: number;
  /** Errors by kind: labeled but not given, given but not labeled, both given and different. */
  missed: number;
  extra: number;
  different: number;
}

/** How a parser did on a labeled corpus. */
export interface Evaluation {
  total: number;
  intentAccuracy: number;
  slots: Record<string, SlotScore>;
  /** Messages whose intent or any slot differs from the label. */
  misses: { entry: CorpusEntry; predicted: ContractResult }[];
}

// Slot equality of the accuracy definition: numbers equal, dueAt to the minute, strings case-insensitively after trimming.
function slotEquals(name: string, expected: unknown, predicted: unknown): boolean {
  if (expected === undefined || predicted === undefined) return expected === predicted;
  if (name === 'dueAt') {
    const a = Date.parse(String(expected));
    const b = Date.parse(String(predicted));
    return Number.isFinite(a) && Number.isFinite(b) && Math.floor(a / 60_000) === Math.floor(b / 60_000);
  }
  if (typeof expected === 'number' || typeof predicted === 'number') return Number(expected) === Number(predicted);
  return String(expected).trim().toLowerCase() === String(predicted).trim().toLowerCase();
}

/** Parses every entry and scores intents and slots against the labels. */
export function evaluate(entries: readonly CorpusEntry[], parse: Parser): Evaluation {
  const slots: Record<string, SlotScore> = {};
  const misses: Evaluation['misses'] = [];
  let intentsRight = 0;
  for (const entry of entries) {
    const predicted = toContract(parse(entry.text, { now: new Date(entry.now), timeZone: entry.tz, as: entry.as }));
    const expected = entry.expected;
    let allRight = predicted.intent === expected.intent;
    if (allRight) intentsRight++;
    for (const name of new Set([...Object.keys(expected.slots), ...Object.keys(predicted.slots)])) {
      const score = (slots[name] ??= { total: 0, correct: 0, accuracy: 0, missed: 0, extra: 0, different: 0 });
      const want = expected.slots[name];
      const got = predicted.slots[name];
      score.total++;
      if (slotEquals(name, want, got)) score.correct++;
      else {
        allRight = false;
        if (got === undefined) score.missed++;
        else if (want === undefined) score.extra++;
        else score.different++;
      }
    }
    if (!allRight) misses.push({ entry, predicted });
  }
  for (const s of Object.values(slots)) s.accuracy = s.total === 0 ? 1 : s.correct / s.total;
  return { total: entries.length, intentAccuracy: entries.length === 0 ? 0 : intentsRight / entries.length, slots, misses };
}
