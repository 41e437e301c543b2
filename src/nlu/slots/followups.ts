import type { CommandOf } from '../../core/command.ts';
import { findDue, type Span } from '../dates/index.ts';
import { findCapitalizedName, type NameMatch, namesAThing, readNameAt } from '../names.ts';
import { cleanValue, dropArticle } from '../text.ts';
import { compact, cutSpans, maskSpans, mergeSpans, nameAfter, refOf, type SlotInput, spanOf } from './common.ts';

const CREATE_HEAD =
  /^(?:(?:please|pls|can you|could you)\s+)?(?:remind(?:\s+me)?|reminder|set\s+(?:a\s+)?reminder|ping\s+me|nudge\s+me|remember|to-?do|task|don'?t\s+let\s+me\s+forget|make\s+sure\s+i|note\s+to\s+self|i\s+need\s+to\s+remember|(?:i\s+)?need\s+to(?=\s+(?:chase|nudge|follow\s+up|call|email|ping|text)\b))\b\s*[:\-–]?\s*(?:(?:to|about|that|i\s+need\s+to|i\s+have\s+to)\b\s*)?/i;
const FOLLOW_HEAD = /^(follow[- ]?up|f\/u|fu|check\s+in|circle\s+back|touch\s+base)\s+(?:with|w\/|on)\s+/i;
// Where a name sits inside a task: after a verb of contact or a preposition ("send X to Acme").
const TASK_NAME_LEAD =
  /\b(?:to|with|w\/|for|from|call|email|e-mail|ping|text|message|meet|chase|invoice|phone|ring|contact|visit|pay|survey|thank|bill|remind|send|give|show)\s+/gi;
const GENERIC_TASK = /^(?:reminder|task|todo|to-do|item)s?$/i;

// A lone lower-case word is read as a name only inside a task; a capitalised one anywhere.
function findTaskName(text: string): NameMatch | undefined {
  const found = findCapitalizedName(text) ?? nameAfter(text, TASK_NAME_LEAD);
  return found && !namesAThing(text, found) ? found : undefined;
}

/** Slots of a new follow-up: the task without "remind me to", names and time; who it is about; when. */
export function createFollowupSlots(input: SlotInput): CommandOf<'create_followup'> {
  const { text, ctx } = input;
  const due = findDue(text, ctx);
  // The time may come first: "in 3 days remind me to send the SOW".
  let headStart = 0;
  for (let lead = due?.spans.find((s) => s.start === headStart); lead; lead = due?.spans.find((s) => s.start === headStart)) {
    headStart = lead.end + (/^[\s,]*/.exec(text.slice(lead.end))?.[0].length ?? 0);
  }
  const rest = text.slice(headStart);
  const follow = FOLLOW_HEAD.exec(rest);
  const head = follow ?? CREATE_HEAD.exec(rest);
  const headEnd = headStart + (head ? head[0].length : 0);
  const spans: Span[] = [{ start: 0, end: headEnd }, ...(due?.spans ?? [])];
  // Names are looked for outside the time phrases, so "Friday" never becomes a customer.
  const masked = maskSpans(text, spans);
  const name = follow ? readNameAt(masked, headEnd) : findTaskName(masked);
  // "follow up with the Okonkwos": the article goes with the household's name (not in "the Okonkwos' lines").
  const named = name && { ...spanOf(name), start: name.contact && !/['’]/.test(text.slice(name.end - 1, name.end + 1)) && /\bthe\s$/i.test(text.slice(Math.max(0, name.start - 4), name.start)) ? name.start - 4 : name.start };
  let note = cleanValue(cutSpans(text, mergeSpans(spans), named ? [named] : []));
  // "follow up with Acme about pricing on Friday": the task is "follow up about pricing" (LABELING: the
  // task without names and time).
  note = follow ? `${follow[1]} ${note}` : note.replace(/^(?:(?:to|about|that|and|re|regarding)\s+)+/i, '');
  note = note.replace(/\s+(?:at|by|to|for|the)$/i, '');
  return compact({
    intent: 'create_followup' as const, ...refOf(name), dueAt: due?.at,
    note: GENERIC_TASK.test(note) ? undefined : cleanValue(note),
  });
}

const COMPLETE_HEAD =
  /^(?:mark(?:ed)?\s+|tick(?:ed)?\s+off\s+|check(?:ed)?\s+off\s+|(?:complete|completed|finished|done)\b\s*(?:with\b|w\/|:|-)?\s*)/i;
const COMPLETE_TAIL = /\s*(?:(?:as\s+|is\s+|are\s+)?(?:done|complete|completed|finished))\s*[.!]*\s*$/i;
const GENERIC_WORDS = /\b(?:follow[- ]?ups?|followups?|reminders?|tasks?|todos?|to-dos?|items?)\b/gi;

/** Slots of a completed follow-up: the customer and the words naming the task ("proposal"). */
export function completeFollowupSlots(input: SlotInput): CommandOf<'complete_followup'> {
  const { text } = input;
  let body = text.replace(COMPLETE_HEAD, '').replace(COMPLETE_TAIL, '');
  body = body.replace(/^(?:that'?s|it|that|this)(?:\s+one(?:'?s)?)?$/i, '');
  // A lower-case name only counts before a task word ("the globex quote"), and only an unfamiliar
  // word ("the board deck" is a task).
  const lowerName = /^(?:the\s+)?([\p{Ll}][\p{L}-]*)\s+(?:quote|proposal|contract|invoice|deck|follow[- ]?up|reminder|renewal|task|call|demo|onboarding)\b/u.exec(body);
  // A lower-case body that is nothing but a name ("done w/ acme") names the customer.
  const whole = readNameAt(body, 0);
  const bodyIsName = whole && body.slice(whole.end).trim() === '' && !namesAThing(body, whole) ? whole : undefined;
  const name = findCapitalizedName(body) ?? (lowerName ? readNameAt(body, lowerName.index) : bodyIsName);
  let note = name ? cutSpans(body, [], [spanOf(name)]) : body;
  note = dropArticle(cleanValue(note.replace(GENERIC_WORDS, ' ')));
  note = note.replace(/\s+(?:for|to|with|of)$/i, '').replace(/^(?:it|that|this|the|a|an|my)$/i, '');
  return compact({ intent: 'complete_followup' as const, ...refOf(name), note: cleanValue(note) });
}

/** Slots of a snooze: the new time ("until Monday", "by 2 days", "1 hour") and the customer if named. */
export function snoozeFollowupSlots(input: SlotInput): CommandOf<'snooze_followup'> {
  const { text, ctx } = input;
  const due = findDue(text, ctx, { durations: true });
  const masked = maskSpans(text, due?.spans ?? []);
  const name = findCapitalizedName(masked) ??
    nameAfter(masked, /\bthe\s+(?=[\p{Ll}][\p{L}-]*\s+(?:reminder|follow[- ]?up|task)\b)/u, 0, 'any');
  return compact({ intent: 'snooze_followup' as const, ...refOf(name), dueAt: due?.at });
}

/** Slots of a follow-up listing: only the customer ("follow-ups for Acme"); never a dueAt (LABELING.md). */
export function listFollowupsSlots(input: SlotInput): CommandOf<'list_followups'> {
  const name = nameAfter(input.text, /\b(?:for|with|about|on)\s+/i);
  return compact({ intent: 'list_followups' as const, customer: name?.customer });
}
