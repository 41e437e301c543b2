import type { Command, CommandOf, ReportPeriod } from '../core/command.ts';
import { extraIntent } from './extra-intents.ts';
import { correctKeywords } from './fuzzy.ts';
import { isChatter, LOG_HEAD, type RuleIntent, ruleIntent } from './intent-rules.ts';
import { createDealSlots, purchaseSlots, updateDealSlots } from './slots/commerce.ts';
import { findPast, type DateContext } from './dates/index.ts';
import { detectKind } from './kinds.ts';
import { hasCompanySuffix, isPersonName, type NameRef, parseNameSpan, readNameAt } from './names.ts';
import { nameAfter, personByAddress, refOf, type SlotInput } from './slots/common.ts';
import {
  addCustomerSlots, eraseSlots, listCustomersSlots, sendSurveySlots, summarySlots, updateCustomerSlots,
} from './slots/customers.ts';
import { completeFollowupSlots, createFollowupSlots, listFollowupsSlots, snoozeFollowupSlots } from './slots/followups.ts';
import { logSlots } from './slots/log.ts';
import { clauses, cleanValue } from './text.ts';
import { closeTicketSlots, openTicketSlots } from './slots/tickets.ts';

/** Guesses an intent for a message no rule recognised; undefined when it is not confident. */
export type IntentGuesser = (text: string) => RuleIntent | undefined;

function npsPeriod(lower: string): { period?: ReportPeriod; compare?: boolean } {
  const period = /\bquarter\b/.test(lower) ? 'quarter' : /\bmonth\b/.test(lower) ? 'month'
    : /\bweek\b/.test(lower) ? 'week' : /\byear\b/.test(lower) ? 'year' : undefined;
  const compare = /\b(?:vs\.?|versus|compared?|than)\b/.test(lower) ? true : undefined;
  return { ...(period ? { period } : {}), ...(compare ? { compare } : {}) };
}

function exportWhat(lower: string): { what?: 'customers' | 'interactions' | 'purchases' } {
  if (/\binteractions?\b|\blogs?\b|\bhistory\b/.test(lower)) return { what: 'interactions' };
  if (/\bpurchases?\b|\bpayments?\b|\brevenue\b|\binvoices?\b/.test(lower)) return { what: 'purchases' };
  if (/\bcustomers?\b|\bclients?\b|\bcontacts?\b/.test(lower)) return { what: 'customers' };
  return {};
}

// Words after "for"/"of" in a report that are a period or a group, not a customer ("NPS for Q3").
const NOT_A_SUBJECT = /^(?:Q[1-4]|H[12]|FY\d*|\d{4}|January|February|March|April|May|June|July|August|September|October|November|December)$/;

// The customer a report asks about: "CLV for Nordlicht GmbH", "what's the NPS of Acme", "which segment is
// Nuvem Tech in?". Only a capitalised name: "NPS for the last quarter" asks about everyone.
function reportSubject(text: string): NameRef {
  const found = nameAfter(text, /\b(?:for|of|on|about|is)\s+/i, 0, 'never');
  return found && !NOT_A_SUBJECT.test(found.customer ?? found.contact ?? '') ? refOf(found) : {};
}

// "Hattie Lane's email bounced, use hattie.lane@…", "Teodora changed her number: …": a person's details.
function personalUpdate(command: CommandOf<'update_customer'>, lower: string): CommandOf<'update_customer'> {
  if (!command.customer || command.contact) return command;
  const spelled = personByAddress({ customer: command.customer }, command.email);
  const theirs = /\b(?:his|her)\s+(?:new\s+)?(?:number|phone|mobile|cell|e-?mail|address)\b/.test(lower) && !hasCompanySuffix(command.customer);
  if (!spelled.contact && !theirs) return command;
  const { customer, ...rest } = command;
  return { ...rest, contact: customer };
}

// Builds the Command for an intent the rules or the classifier chose, reading its slots from the message.
function commandFor(intent: RuleIntent, input: SlotInput, raw: string): Command {
  switch (intent) {
    case 'log_interaction': return logSlots(input, raw);
    case 'add_customer': return addCustomerSlots(input);
    case 'update_customer': return personalUpdate(updateCustomerSlots(input), input.lower);
    case 'customer_summary': return summarySlots(input);
    case 'list_customers': return listCustomersSlots(input);
    case 'create_followup': return createFollowupSlots(input);
    case 'list_followups': return listFollowupsSlots(input);
    case 'complete_followup': return completeFollowupSlots(input);
    case 'snooze_followup': return snoozeFollowupSlots(input);
    case 'record_purchase': return purchaseSlots(input);
    case 'create_deal': return createDealSlots(input);
    case 'update_deal': return updateDealSlots(input);
    case 'open_ticket': return openTicketSlots(input);
    case 'close_ticket': return closeTicketSlots(input);
    case 'send_survey': return sendSurveySlots(input);
    case 'erase_contact': return eraseSlots(input);
    case 'nps_report': return { intent, ...reportSubject(input.text), ...npsPeriod(input.lower) };
    case 'churn_report':
    case 'clv_report':
    case 'segment_report': return { intent, ...reportSubject(input.text) };
    case 'export': return { intent, ...exportWhat(input.lower) };
    default: return { intent };
  }
}

// Greetings and politeness around a command ("Hi! Could you please ... thanks!") change nothing.
const GREETING = /^(?:(?:hi|hey|hello|hiya|yo|good\s+(?:morning|afternoon|evening))(?:\s+there)?\s*[,!.]+\s*|(?:hi|hey|hello)\s+(?=\S))/i;
const POLITE_HEAD = /^(?:would\s+you\s+mind\s+|(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?|please\s+|pls\s+|plz\s+|kindly\s+|i'?d\s+like\s+(?:you\s+)?to\s+|i\s+want\s+(?:you\s+)?to\s+)+/i;
const POLITE_TAIL = /[,\s]+(?:please|pls|plz|thanks|thank\s+you|thx|ty|cheers)\s*[.!?]*$/i;

// Someone named by their role: "the ops lead", "their CFO", "the founder".
const ROLE = /\b(?:the|their|our)\s+(?:[\w-]+\s+)?(?:lead|team|founder|owner|ceo|cto|cfo|coo|cmo|vp|manager|director|head|buyer|rep|guys?|folks)\b/i;

function withoutPoliteness(text: string): string {
  const core = text.replace(GREETING, '').replace(POLITE_HEAD, '').replace(POLITE_TAIL, '').trim();
  return core.length > 0 ? core : text;
}

// "Aegean Grill: Stavros called, wants …", "Tinderbox Coffee - quick call w/ Marisol, …": a customer named
// alone before an interaction told on its own. The one named in the interaction is then the person there.
const CUSTOMER_PREFIX = /^([^:,;–—]{2,60}?)\s*(?::|\s[-–—]\s*|,)\s*(\S.*)$/s;

function logAfterCustomer(text: string, raw: string, ctx: DateContext): Command | undefined {
  // A message that opens with the interaction ("log call with …", "called …") has no customer before it.
  if (/^log\s/i.test(text) || LOG_HEAD.test(text)) return undefined;
  const m = CUSTOMER_PREFIX.exec(text);
  if (!m) return undefined;
  const prefix = (m[1] ?? '').trim();
  const who = parseNameSpan(prefix, 'any');
  if (!who.customer || who.contact || who.customer !== prefix || isPersonName(prefix) || /^(?:the\s+)?(?:call|meeting|note|fyi|nb|re|email|update)$/i.test(prefix)) return undefined;
  const rest = m[2] ?? '';
  if (ruleIntent(rest.toLowerCase(), rest)?.intent !== 'log_interaction') return undefined;
  const command = logSlots({ text: rest, lower: rest.toLowerCase(), ctx }, raw);
  if (command.customer && command.contact) return command;
  const person = command.contact ?? (command.customer && !hasCompanySuffix(command.customer) ? command.customer : undefined);
  return { ...command, customer: who.customer, ...(person ? { contact: person } : {}) };
}

// "renewal confirmed for another year – call with Meera, Bodhi Health": what happened first, then the
// interaction with whom. The words before it are the note.
const LATER_CLAUSE = /(?:[,;.!?]|\s[-–—])\s+/g;

// Only the first few clauses are tried, so a long run of them costs no more than a few reads.
const LATER_CLAUSES_TRIED = 6;

function logClauseLater(text: string, raw: string, ctx: DateContext): Command | undefined {
  let tried = 0;
  for (const m of text.matchAll(LATER_CLAUSE)) {
    if (++tried > LATER_CLAUSES_TRIED) break;
    const at = (m.index ?? 0) + m[0].length;
    const rest = text.slice(at);
    if (!LOG_HEAD.test(rest)) continue;
    const command = logSlots({ text: rest, lower: rest.toLowerCase(), ctx }, raw);
    if (!command.customer && !command.contact) continue;
    const before = cleanValue(text.slice(0, m.index ?? 0));
    const note = [before, command.note].filter(Boolean).join(', ');
    return { ...command, ...(note ? { note } : {}) };
  }
  return undefined;
}

// "good news call this morning, they're going ahead — Stavros, Aegean Grill": what happened, signed
// after a dash or colon with the person and their customer. The clause naming the interaction goes;
// the rest is the note.
const SIGNATURE_LEAD = /\s[-–—]\s+|:\s+/g;

function logSignedAfter(text: string, raw: string, ctx: DateContext): Command | undefined {
  let tried = 0;
  for (const m of text.matchAll(SIGNATURE_LEAD)) {
    if (++tried > LATER_CLAUSES_TRIED) break;
    const at = (m.index ?? 0) + m[0].length;
    const who = readNameAt(text, at, 'never');
    if (!who?.contact || !who.customer) continue;
    const after = /^\s*(?:$|[.,;!]\s*)/.exec(text.slice(who.end));
    if (!after) continue;
    const said = clauses(text.slice(0, m.index ?? 0));
    const kinds = said.filter((c) => detectKind(c.text));
    if (kinds.length === 0) return undefined;
    const note = [...said.filter((c) => !detectKind(c.text)).map((c) => c.text), text.slice(who.end + after[0].length)].map(cleanValue).filter(Boolean).join(', ');
    const when = kinds.map((c) => findPast(c.text, ctx)).find(Boolean);
    return {
      intent: 'log_interaction', contact: who.contact, customer: who.customer, kind: detectKind(kinds[0]!.text),
      ...(note ? { note } : {}), ...(when ? { occurredAt: when } : {}), words: raw,
    };
  }
  return undefined;
}

/** Parses an operator's normalised message: engine housekeeping, then the rules, then the classifier. */
export function parseOperator(text: string, raw: string, ctx: DateContext, guess: IntentGuesser): Command {
  const { text: corrected, asWritten } = correctKeywords(withoutPoliteness(text));
  const command = parseCorrected(corrected, raw, ctx, guess);
  // Read whole, the message found no one spoken to at a customer: try it as "<customer>: <interaction>".
  const whole = command.intent === 'log_interaction' && command.customer && command.contact;
  const prefixed = whole ? undefined : logAfterCustomer(corrected, raw, ctx);
  // A log that named no one ("quick call, they sign Monday — Lena Berg, Orbis") may be signed at its end.
  const nameless = command.intent === 'log_interaction' && !command.customer && !command.contact;
  const later = prefixed ? undefined
    : command.intent === 'unknown' ? logClauseLater(corrected, raw, ctx) ?? logSignedAfter(corrected, raw, ctx)
      : nameless ? logSignedAfter(corrected, raw, ctx) : undefined;
  const result = prefixed ?? later ?? command;
  if ('note' in result && result.note) result.note = asWritten(result.note);
  return result;
}

function parseCorrected(corrected: string, raw: string, ctx: DateContext, guess: IntentGuesser): Command {
  const extra = extraIntent(corrected);
  if (extra) return extra;
  const lower = corrected.toLowerCase();
  const rule = ruleIntent(lower, corrected);
  const intent = rule?.intent ?? (isChatter(lower) ? undefined : guess(corrected));
  if (!intent) return contactDetailsFor(corrected, lower, ctx, raw) ?? { intent: 'unknown', reason: 'not_understood' };
  const command = commandFor(intent, { text: corrected, lower, ctx }, raw);
  const named = 'customer' in command || 'contact' in command;
  // A pronoun, a role, an e-mail address or a phone number also says who: "called them back",
  // "messaged the ops lead", "emailed ops@globex.com".
  const someone = rule?.needs === 'name-or-pronoun' && ('phone' in command || /\b(?:them|they|her|him|she|he)\b|@/i.test(corrected) || ROLE.test(corrected));
  // A question changes no record: "is 415-555-0133 a real number?".
  if (intent === 'update_customer' && /^(?:is|are|was|were|do|does|did|can|could|should|what|which|who|whose)\b[^?]*\?\s*$/i.test(corrected)) {
    return { intent: 'unknown', reason: 'not_understood' };
  }
  // "tell me about ops@initech.com" asks about whoever has that address; the engine asks which customer.
  const byAddress = intent === 'customer_summary' && /^\S.*\s[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\?*$/.test(corrected);
  if (rule?.needs && !named && !someone && !byAddress) return { intent: 'unknown', reason: 'not_understood' };
  return command;
}

// Nothing else understood, but a customer and an address or number: "Sharma & Sons' Rohan wants
// invoices sent to accounts@sharmasons.co.in" gives their details.
function contactDetailsFor(text: string, lower: string, ctx: DateContext, raw: string): Command | undefined {
  if (!/@|\d{3}/.test(text)) return undefined;
  const command = commandFor('update_customer', { text, lower, ctx }, raw);
  // Only a capitalised name: "the wifi password is 555 0100 0101" gives no one's number.
  const named = [('customer' in command && command.customer), ('contact' in command && command.contact)].some((n) => typeof n === 'string' && /\p{Lu}/u.test(n));
  return named && ('email' in command || 'phone' in command) ? command : undefined;
}
