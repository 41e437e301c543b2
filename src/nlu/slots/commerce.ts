import type { CommandOf } from '../../core/command.ts';
import { findMoney } from '../money.ts';
import { parseNameSpan, readNameAt } from '../names.ts';
import { cleanValue, dropArticle } from '../text.ts';
import { compact, maskSpans, nameAfter, refOf, type SlotInput } from './common.ts';

const PAYER_VERB =
  /^(.+?)\s+(?:just\s+|has\s+|have\s+|finally\s+|also\s+)?(?:paid|pd|pays|prepaid|renewed|renews|bought|purchased|upgraded|extended|topped\s+up|sent|wired|transferred|remitted)\b/i;
const PURCHASE_OBJECT = /\b(?:bought|purchased|ordered|upgraded\s+to)\s+(.+?)(?=\s+for\b|\s+at\b|[,;:]|\s+[-–—]\s|$)/i;
const FOR_PHRASE = /\bfor\s+(.+?)(?=[,;:]|\s+[-–—]\s|\s+for\b|$)/gi;
const DURATION = /^(?:another|a|an|one|two|three|\d+|the\s+next|next)\s+(?:more\s+)?(?:full\s+)?(?:years?|months?|quarters?|weeks?|days?|terms?)$/i;
const NOT_A_PRODUCT = /^(?:it|that|this|them|us|me|real|now|the\s+invoice|invoice|the\s+year|the\s+month)$/i;

function amountSlots(text: string, allowBare: boolean, timeZone: string): { amount?: number; currency?: string; masked: string } {
  const money = findMoney(text, allowBare, timeZone);
  return { amount: money?.amount, currency: money?.currency, masked: maskSpans(text, money ? [money.span] : []) };
}

function product(phrase: string | undefined): string | undefined {
  const v = dropArticle(cleanValue(phrase ?? ''));
  if (!v || !/\p{L}/u.test(v) || DURATION.test(v) || NOT_A_PRODUCT.test(v)) return undefined;
  return v;
}

/** Slots of a payment: payer, amount and currency, and what was bought (without "for"). */
export function purchaseSlots(input: SlotInput): CommandOf<'record_purchase'> {
  const { text } = input;
  const { amount, currency, masked } = amountSlots(text, true, input.ctx.timeZone);
  const subject = PAYER_VERB.exec(text);
  let names = subject ? parseNameSpan(subject[1] ?? '') : {};
  if (!names.customer && !names.contact) names = refOf(nameAfter(text, /\b(?:from|by)\s+/i));
  let note = product(PURCHASE_OBJECT.exec(masked)?.[1]);
  if (!note) {
    FOR_PHRASE.lastIndex = 0;
    for (let m = FOR_PHRASE.exec(masked); m && !note; m = FOR_PHRASE.exec(masked)) note = product(m[1]);
  }
  return compact({ intent: 'record_purchase' as const, ...names, amount, currency, note });
}

const DEAL_STAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bclosed[- ]won\b/i, 'won'],
  [/\bclosed[- ]lost\b|\bdead\b/i, 'lost'],
  [/\bwon\b/i, 'won'],
  [/\blost\b/i, 'lost'],
  [/\bnegotiat(?:ion|ing)\b/i, 'negotiation'],
  [/\bproposal\b/i, 'proposal'],
  [/\bqualified\b/i, 'qualified'],
  [/\blead\b/i, 'lead'],
];

// The deal stage a message names, lower-cased ("closed won" is won, "dead" is lost).
function dealStage(text: string): string | undefined {
  for (const [re, stage] of DEAL_STAGES) if (re.test(text)) return stage;
  return undefined;
}

const SENTENCE_WORD = /\b(?:i|we|they|he|she|it|you|is|are|was|were|will|would|wants?|needs?|said|says)\b/i;

// A deal's name listed after the customer among its amount and stage ("new deal: Acme, grid
// dashboard, 25k, proposal"): a short phrase, not a sentence ("they want ...") nor the words
// around the (masked) amount ("about 50k").
function listedName(masked: string): string | undefined {
  if (!/^\s*,/.test(masked)) return undefined;
  // The items in any order: "Acme, 40k AUD, website rebuild, qualified" (the amount is masked to spaces).
  for (const item of masked.split(/[,;]/).slice(1)) {
    const segment = item.split(/\s[-–—]\s/)[0] ?? '';
    const phrase = segment.trim();
    if (!phrase || dealStage(phrase)) continue;
    const ok = /^\p{L}[\p{L}\d &/+-]*$/u.test(phrase) && !/\s{2,}/.test(segment) && phrase.split(' ').length <= 4;
    return ok && !SENTENCE_WORD.test(phrase) ? phrase : undefined;
  }
  return undefined;
}

/** Slots of a new deal: customer, amount, currency, stage, and the deal's name when given. */
export function createDealSlots(input: SlotInput): CommandOf<'create_deal'> {
  const { text } = input;
  const { amount, currency, masked } = amountSlots(text, true, input.ctx.timeZone);
  const name = nameAfter(text, /\b(?:deal|opportunity|opp)\b\s*(?:(?:with|w\/|for|at)\s+|[:\-–—]\s*|(?=\s+\p{Lu}))/iu, 0, 'any');
  const rest = name ? masked.slice(name.end) : '';
  const named = /^\s*(?:(?:for|about|re)\s+|[:\-–]\s*)(.+?)(?=[,;]|\s+[-–—]\s|$)/i.exec(rest)?.[1] ?? listedName(rest);
  const note = named && !dealStage(named) ? product(named) : undefined;
  return compact({
    intent: 'create_deal' as const, ...refOf(name), amount, currency,
    stage: dealStage(name ? rest : masked), note,
  });
}

/** Slots of a deal change: customer, new stage, new amount. */
export function updateDealSlots(input: SlotInput): CommandOf<'update_deal'> {
  const { text } = input;
  const { amount, currency } = amountSlots(text, false, input.ctx.timeZone);
  const move = /^move\s+(?:the\s+)?(.+?)\s+(?:deal\s+)?(?:to|into)\s+/i.exec(text);
  const before = /^(.*?)\s*\bdeal\b/i.exec(text);
  const span = move?.[1] ?? before?.[1]?.replace(/^(?:(?:we|i|just|have|has|finally|mark|bump|update|change|set|move|won|lost|closed|the)\s+)+/i, '');
  const withName = nameAfter(text, /\bdeal\s+(?:with|w\/|for|at)\s+/i);
  const names = withName ? refOf(withName) : span ? parseNameSpan(span) : refOf(readNameAt(text, 0));
  return compact({
    intent: 'update_deal' as const, ...names,
    stage: dealStage(text.slice(move ? move[0].length : 0)), amount, currency,
  });
}
