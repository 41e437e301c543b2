import type { Command } from '../command.ts';
import { decodeJson, encodeJson } from '../json.ts';
import { nameSimilarity } from '../names.ts';
import { reply, type Reply } from '../reply.ts';
import type { Question, QuestionOption, Resolved } from './types.ts';

/** A question waiting for its answer, stored per operator and chat. */
export interface Pending {
  command: Command;
  resolved: Resolved;
  question: Question;
}

/** Button values that answer the pending question carry this prefix and the option's index. */
const ANSWER_PREFIX = 'ans:';
const CANCEL = /^\s*(cancel|never\s*mind|nevermind|forget it|stop|abort|nope|no)\s*[.!]*\s*$/i;
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5 };

export function encodePending(p: Pending): string {
  return encodeJson(p);
}

export function decodePending(text: string | null): Pending | null {
  if (!text) return null;
  try {
    return decodeJson<Pending>(text);
  } catch {
    return null;
  }
}

/** Renders a question as a Reply whose buttons answer it. */
export function questionReply(q: Question): Reply {
  return reply('question', q.text, { choices: q.options.map((o, i) => ({ label: o.label, value: `${ANSWER_PREFIX}${i}` })) });
}

/** What an answer to a pending question means. */
export type Answer =
  | { kind: 'option'; option: QuestionOption }
  | { kind: 'text'; text: string }
  | { kind: 'cancel' }
  | { kind: 'none' };

function stripDetails(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, '').replace(/^#\d+\s*/, '');
}

/** Matches a button press or typed text ("2", "the second one", "Acme Labs", "cancel") to the question. */
export function matchAnswer(q: Question, text: string, buttonValue: string | undefined): Answer {
  if (buttonValue?.startsWith(ANSWER_PREFIX)) {
    const option = q.options[Number(buttonValue.slice(ANSWER_PREFIX.length))];
    if (option) return option.cancel ? { kind: 'cancel' } : { kind: 'option', option };
    return { kind: 'none' };
  }
  if (CANCEL.test(text)) return { kind: 'cancel' };
  const t = text.trim().toLowerCase();
  const number = /^(?:#|no\.?\s*|number\s+|option\s+)?(\d{1,2})[.)]?$/.exec(t)?.[1];
  const ordinal = /\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\b/.exec(t)?.[1];
  const real = q.options.filter((o) => !o.cancel);
  const index = number ? Number(number) : ordinal === 'last' ? real.length : ordinal ? ORDINALS[ordinal] : undefined;
  if (index !== undefined && t.split(/\s+/).length <= 4) {
    const option = q.options[index - 1];
    if (option) return option.cancel ? { kind: 'cancel' } : { kind: 'option', option };
  }
  const byLabel = real
    .map((option) => ({ option, score: Math.max(nameSimilarity(t, stripDetails(option.label)), nameSimilarity(t, option.label)) }))
    .sort((a, b) => b.score - a.score);
  const best = byLabel[0];
  const second = byLabel[1];
  if (best && best.score >= 0.9 && (!second || best.score - second.score > 0.02)) return { kind: 'option', option: best.option };
  if (q.freeText && t) return { kind: 'text', text: text.trim() };
  return { kind: 'none' };
}
