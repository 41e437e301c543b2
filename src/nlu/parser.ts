import type { Command } from '../core/command.ts';
import type { ParseContext, Parser } from '../core/parser.ts';
import type { IntentClassifier } from './classifier.ts';
import type { DateContext } from './dates/index.ts';
import { parseForwarded, parseQuotedReply } from './forwarded.ts';
import { parseNpsReply } from './nps-reply.ts';
import { parseOperator } from './operator.ts';
import { isBlank, MAX_MESSAGE_CHARS, normalizeMessage } from './text.ts';
import { canonicalTimeZone } from '../core/zone.ts';

// A context from outside may carry an unknown zone or an invalid date; parsing still answers.
function dateContext(ctx: ParseContext): DateContext {
  const now = ctx.now instanceof Date && !Number.isNaN(ctx.now.getTime()) ? ctx.now : new Date();
  return { now, timeZone: canonicalTimeZone(ctx.timeZone) ?? 'UTC', locale: ctx.locale };
}

function parseOnce(raw: string, ctx: ParseContext, classifier: IntentClassifier): Command {
  if (raw.length > MAX_MESSAGE_CHARS) return { intent: 'unknown', reason: 'too_long' };
  if (isBlank(raw)) return { intent: 'unknown', reason: 'empty' };
  const text = normalizeMessage(raw);
  if (text === '' || !/[\p{L}\p{N}?]/u.test(text)) return { intent: 'unknown', reason: 'not_understood' };
  if (ctx.as === 'customer') return parseNpsReply(text);
  return parseForwarded(raw) ?? parseQuotedReply(text) ?? parseOperator(text, raw.trim(), dateContext(ctx), (t) => classifier.decide(t));
}

/** Wraps the rules and a trained classifier into a Parser that never throws; `onError` hears about rule bugs. */
export function makeParser(classifier: IntentClassifier, onError?: (error: unknown) => void): Parser {
  return (text, ctx) => {
    if (typeof text !== 'string') return { intent: 'unknown', reason: 'empty' };
    try {
      return parseOnce(text, ctx ?? { now: new Date(), timeZone: 'UTC', as: 'operator' }, classifier);
    } catch (error) {
      // A bug in a rule must not take the bot down; the message is simply not understood.
      onError?.(error);
      return { intent: 'unknown', reason: 'not_understood' };
    }
  };
}
