import type { Command } from '../core/command.ts';
import { NUMBER_WORDS } from './numbers.ts';

// Scores in Spanish, Portuguese, French, German, Italian and Polish too ("Diez!", "nota nove", "zehn"); words that
// are also articles or English words ("un", "um", "sei", "due", "null") are left out.
const FOREIGN_SCORES: Readonly<Record<string, number>> = {
  cero: 0, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  dois: 2, 'três': 3, quatro: 4, sete: 7, oito: 8, nove: 9, dez: 10,
  'zéro': 0, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  eins: 1, zwei: 2, drei: 3, vier: 4, 'fünf': 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  tre: 3, quattro: 4, cinque: 5, sette: 7, otto: 8, dieci: 10,
  jeden: 1, dwa: 2, trzy: 3, cztery: 4, 'pięć': 5, 'sześć': 6, siedem: 7, osiem: 8, 'dziewięć': 9, 'dziesięć': 10,
};
const FOREIGN_SRC = Object.keys(FOREIGN_SCORES).sort((a, b) => b.length - a.length).join('|');
const SCORE = `(10|[0-9]|zero|one|two|three|four|five|six|seven|eight|nine|ten|${FOREIGN_SRC})`;
const OUT_OF = '(?:\\s*(?:/|out\\s+of|of)\\s*(?:10|ten)\\b)?(?:\\s+from\\s+(?:me|us)\\b)?';
// Words people put before a score: "I'd say", "probably a", "solid", "my score is", "I'll go with",
// and "nota" (Portuguese, Spanish, Italian for a mark).
const HEDGE =
  "(?:(?:it'?s|its|it\\s+is|that'?s|i'?d|i\\s+would|i'?ll|we'?d|we\\s+would|my|our|the|a|an|solid|strong|maybe|probably|prob|definitely|def|honestly|around|about|like|roughly|eh|hmm|um|well|so|ok|okay|score|rating|nota|nps|say|give|giving|gave|dou|doy|daria|daría|gebe|donne|it|you|guys|us|rate|rating|go|going|with|is|be|would|un|una|uno|ein|eine|une|um|uma|:|,|-|\\s)+)";
const PATTERNS: RegExp[] = [
  new RegExp(`(?<![\\p{L}\\d.,/])${SCORE}\\s*(?:/|out\\s+of)\\s*(?:10|ten)\\b`, 'iud'),
  new RegExp(`^\\W*${HEDGE}?${SCORE}(?![\\p{L}\\d]|[.,]\\d)`, 'iud'),
  new RegExp(`\\b(?:say|give|gave|rate|rating|score|go\\s+with|an?)\\s+(?:(?:you|it|us|them|a|an|solid|strong)\\s+)*${SCORE}(?![\\p{L}\\d]|[.,]\\d)`, 'iud'),
  new RegExp(`(?<![\\p{L}\\d.,/])${SCORE}\\W*$`, 'iud'),
];
const HEDGE_ONLY = new RegExp(`^\\W*${HEDGE}?$`, 'iu');
// The last clause of the words before a score ("I'd say" in "Not happy, I'd say").
const LAST_CLAUSE = /(?<=[,.;:!?\-–—])[^,.;:!?\-–—]*$/u;

// The words before a score, without a last clause that only leads into it.
function withoutHedgeTail(before: string): string {
  const last = LAST_CLAUSE.exec(before);
  return last && HEDGE_ONLY.test(last[0]) ? before.slice(0, last.index) : before;
}
const OUT_OF_RE = new RegExp(`^${OUT_OF}`, 'i');

function scoreValue(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? FOREIGN_SCORES[word.toLowerCase()] ?? -1);
}

function stripSeparators(text: string): string {
  return text.replace(/^[\s,.;:!?\-–—"'()]+/u, '').replace(/\s+/g, ' ').trim();
}

/**
 * A customer's survey answer: the 0-10 score however written ("9", "solid 8/10", "probably a six",
 * "I'd say 7, support is slow") and the comment after it (or before it when nothing follows).
 * Anything without a score is `unknown`: customers never give commands.
 */
export function parseNpsReply(text: string): Command {
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (!m || m[1] === undefined) continue;
    const score = scoreValue(m[1]);
    if (score < 0 || score > 10) continue;
    const [scoreStart, scoreEnd] = m.indices?.[1] ?? [m.index, m.index + m[1].length];
    const suffix = OUT_OF_RE.exec(text.slice(scoreEnd));
    const after = stripSeparators(text.slice(scoreEnd + (suffix?.[0].length ?? 0)));
    const before = text.slice(0, scoreStart);
    const beforeNote = HEDGE_ONLY.test(before) ? '' : stripSeparators(withoutHedgeTail(before).replace(/[\s,;:\-–—]+$/u, ''));
    const note = after || beforeNote;
    return note ? { intent: 'nps_reply', score, note } : { intent: 'nps_reply', score };
  }
  return { intent: 'unknown', reason: 'not_understood' };
}
