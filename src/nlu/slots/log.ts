import type { CommandOf } from '../../core/command.ts';
import { findContactDetails } from '../contact-info.ts';
import { findDue, findPast } from '../dates/index.ts';
import { LOG_HEAD } from '../intent-rules.ts';
import { detectKind, kindFromWord } from '../kinds.ts';
import { isSurname } from '../lexicon/first-names.ts';
import { findCapitalizedName, hasCompanySuffix, KIN, type NameMatch, parseNameSpan, readNameAt } from '../names.ts';
import { clauses, cleanValue } from '../text.ts';
import { compact, nameAfter, personByAddress, refOf, type SlotInput } from './common.ts';

// A clause asking for a follow-up ("follow up next Tuesday", "chase Thursday", "remind me Friday").
const FOLLOWUP_CLAUSE =
  /^(?:and\s+|then\s+|so\s+|pls\s+|please\s+|need\s+to\s+|will\s+|i'?ll\s+|gotta\s+|should\s+|(?:could|can|would)\s+you\s+(?:please\s+)?)?(?:follow[- ]?up|followup|f\/u|remind\s+me|reminder|check\s+(?:back|in)|chase|circle\s+back|touch\s+base|ping\s+(?:me|them|her|him)|(?:call|ring|phone)\s+(?:(?:her|him|them)\s+)?back|try\s+(?:(?:her|him|them)\s+)?again|nudge|next\s+(?:step|call|touchpoint|check-?in)|revisit)\b/i;

// The operator's own next step with a time: "send quote Tuesday", "revert by Friday", "fu in 2 wks".
const WHEN = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|tomorrow|tmrw|today|tonight|eod|next\\s+(?:week|month)|in\\s+\\d+\\s*\\w+|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|\\d{1,2}(?:st|nd|rd|th))\\b';
const STEP_TIME = `\\b${WHEN}`;
const NEXT_STEP = new RegExp(
  `^(?:fu\\b|(?:revert|answer|reply|respond|get\\s+back)\\b|(?:send|sending|redo|prepare|draft|finish|book)\\s+(?:(?:the|a|an|them|her|him|our|new|revised|updated)\\s+)*(?:quote|quotes|proposal|offer|estimate|contract|invoice|deck|draft|it|them|pricing|prices|report|guide|drawings|plan|shortlist|sketch|sketches|mockups?|designs?|specs?)\\b|quote\\s+by\\b|(?:go|going)\\s+(?:there|back|over)\\b|check\\s+(?:on\\s+)?(?:it\\b|them\\b|${WHEN})|call\\s+(?:the\\s+)?[\\p{L}-]+\\s+(?:back\\b|${WHEN})).*${STEP_TIME}`,
  'iu',
);
// A follow-up said inside a clause, as dictation runs on without commas ("… so use scissors follow up
// tomorrow afternoon", "… wants a report by the end of the month remind me friday").
const INNER_FOLLOWUP = new RegExp(`(?<!\\b(?:she|he|they|we|you|it|who|will|to|can|could|would|should|may|might|must)|['’]ll)\\s(?=(?:follow[- ]?up|remind\\s+me|call\\s+(?:her|him|them)\\s+back|check\\s+back)\\b[^,;.]*${STEP_TIME}[^,;.]*$)`, 'i');

const EXPLICIT = /^log\s+(?:a\s+|an\s+)?([\w-]+)\s+(?:with|for|to|w\/)\s+([^:]+?)\s*:\s*(.*)$/i;
const CONTINUES = /^(?:for|over|about|re|regarding|during|via|yesterday|today|this\s+(?:morning|afternoon|evening)|earlier|last\s+\w+)\b/i;
// "Jared, Pied Piper's COO, called, wants SSO": the verb alone, after the name, is the interaction's own clause.
const VERB_ALONE = /^(?:called|e-?mailed|texted|messaged|pinged|rang|phoned|wrote(?:\s+in)?|replied|dm'?d|reached\s+out|got\s+in\s+touch)\s*$/i;
// "with Acme", "to Jane", or the name in brackets after the address reached ("emailed ops@x.io (Jane at X)").
const NAME_LEAD = /\b(?:with|w\/|to|for|from|at)\s+|#\s*\(\s*/i;

// The person spoken to at a customer, named after it: "called Orbis and talked to Lena", "Orbis
// called (Lena)", "their CTO Joana Ribeiro says …". A name that only starts a later clause ("Jared
// wants a new draft") is not the contact (LABELING.md).
const SPOKEN_TO = /\b(?:talked|spoke|speaking|chatted)\s+(?:to|with)\s+|^\s*\(\s*(?=\p{Lu})/giu;
// Case-sensitive, so that only capitals make an acronym a role ("new PoC is Aparna Das" names no role).
const ROLE_BEFORE_NAME = /\b(?:[Tt]heir|[Oo]ur|[Tt]he|[Nn]ew)\s+(?:new\s+)?(?:\p{Lu}{2,4}|[Cc](?:eo|to|fo|oo)|(?:[Cc]o-?)?[Ff]ounder|[Oo]wner|[Mm]anager|[Bb]uyer|[Dd]irector|[Hh]ead\s+of\s+[\p{L}-]+)\s+(?=\p{Lu})/gu;

const CLAUSE_START = /(?:^|[,:;.!?]\s*|\s[-–—]\s*)(?=\p{Lu})/gu;
// A clause that opens with someone's role at the customer, then their name: "…, practice manager Yusuf
// says …", "- owner Carla Botha wants …", "their ops lead Tomás Herrera asked …".
const ROLE_OPENS_CLAUSE = /(?:^|[,:;.!?]\s*|\s[-–—]\s*)(?:(?:their|the|our)\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:lead|manager|mgr|coordinator|planner|owner|director|founder|co-?founder|buyer|head|admin|administrator|assistant|partner|principal|chair|officer|secretary|treasurer|accountant|bookkeeper|rep)\s+(?=\p{Lu})/gu;

// "meeting at Brightwell Realty w/ Theo": the person met there, right after the customer; "the
// Northstar board chair, Dr. Alma Quintero": their role there, then the person.
const PERSON_RIGHT_AFTER = /^\s+(?:with|w\/)\s+(?=\p{Lu})|^\s+(?:[\p{Ll}-]+\s+){0,2}(?:chair(?:man|woman|person)?|president|treasurer|secretary|principal|bursar|founder|co-?founder|owner|manager|director|buyer|ceo|cto|cfo|coo|cmo)\s*,\s+(?=\p{Lu})/u;

function personRightAfter(text: string, from: number): NameMatch | undefined {
  const lead = PERSON_RIGHT_AFTER.exec(text.slice(from, from + 80));
  const found = lead ? readNameAt(text, from + lead[0].length, 'never') : undefined;
  return found?.contact && !found.customer ? found : undefined;
}

// At a customer, two people named together are two contacts: the first is the one kept.
function firstPerson(contact: string | undefined): string | undefined {
  return contact === undefined ? undefined : (/^(.+?)\s+(?:\+|&|and)\s+\S/u.exec(contact)?.[1] ?? contact);
}

function speakerAfter(text: string, from: number): string | undefined {
  return firstPerson(speakerNamedAfter(text, from));
}

function speakerNamedAfter(text: string, from: number): string | undefined {
  const host = personRightAfter(text, from);
  if (host) return host.contact;
  const rest = text.slice(from, from + 240);
  // "call with Zaitoon — Farhan + his brother Imran — …": the people there, listed; the first is the contact.
  for (const m of rest.matchAll(CLAUSE_START)) {
    const found = readNameAt(rest, (m.index ?? 0) + m[0].length, 'never');
    if (found?.contact && !found.customer && /\s(?:\+|&|and)\s/u.test(found.contact)) return found.contact;
    if (found?.contact && !found.customer && /^\s*(?:\+|&|and\s)/.test(rest.slice(found.end))) return found.contact;
    // "called Mavuno Agritech — Wanjiru's colleague Otieno picked up": someone reached through another person.
    const kin = found?.contact && !found.customer ? /^[\p{L}'’-]+['’]s/u.exec(rest.slice(found.start)) : null;
    if (kin && KIN.test(rest.slice(found!.start + kin[0].length))) return found!.contact;
  }
  for (const re of [SPOKEN_TO, ROLE_BEFORE_NAME, ROLE_OPENS_CLAUSE]) {
    for (const m of rest.matchAll(re)) {
      // "spoke to the principal, Dr Yvonne Achebe", "spoke to the manager Hoa".
      const at = (m.index ?? 0) + m[0].length;
      const role = /^(?:(?:the|their|his|her|our)\s+)?(?:(?:[\p{Ll}\d-]+|[\p{Lu}\d]{2,4}(?=\s+\p{Lu}))[\s,]+){0,2}(?=\p{Lu})/u.exec(rest.slice(at));
      const found = readNameAt(rest, at + (role?.[0].length ?? 0), 'never');
      if (found?.contact && !found.customer) return found.contact;
      // Someone spoken to is a person, known given name or not ("spoke to the manager Hoa").
      if (found?.customer && !found.contact && !hasCompanySuffix(found.customer) && !/^[\p{Lu}\d&]+$/u.test(found.customer) && found.customer.split(' ').length <= 3) return found.customer;
    }
  }
  return undefined;
}

function continues(clause: string | undefined): boolean {
  if (clause === undefined) return false;
  return CONTINUES.test(clause) || VERB_ALONE.test(clause) || findContactDetails(clause, { bareDigits: false }).masked.trim() === '';
}

interface NoteParts {
  note?: string;
  /** The follow-up request and everything after it. */
  followUp?: string;
}

// Clauses from `start` on are the note, up to the first one asking for a follow-up.
function noteFrom(text: string, start: number): NoteParts {
  const body = text.slice(start);
  const pieces: { start: number; end: number }[] = [];
  let followUp: string | undefined;
  for (const c of clauses(body)) {
    if (FOLLOWUP_CLAUSE.test(c.text) || NEXT_STEP.test(c.text)) {
      followUp = body.slice(c.start);
      break;
    }
    const inner = INNER_FOLLOWUP.exec(c.text);
    if (inner) {
      pieces.push({ start: c.start, end: c.start + inner.index });
      followUp = body.slice(c.start + inner.index + 1);
      break;
    }
    pieces.push({ start: c.start, end: c.start + c.text.length });
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return { note: first && last ? cleanValue(body.slice(first.start, last.end)) || undefined : undefined, followUp };
}

// The interaction clause is the one holding `anchor` (the end of the name); the note follows it,
// or follows an "and" right after the name ("called Jane and discussed pricing").
function splitNote(text: string, anchor: number): NoteParts & { noteStart: number } {
  const all = clauses(text);
  let i = all.findIndex((x) => anchor <= x.start + x.text.length);
  // A name ending in a dot ("Mazur Software sp. z o.o.") ends inside a separator: its clause is the one before.
  if (i > 0 && (all[i]?.start ?? 0) >= anchor) i--;
  // "met Jane, Acme, for coffee, ...", "emailed Jane, jane@acme.com, ...": a clause continuing the
  // interaction, or giving only the address or number it went to, still belongs to it.
  while (i >= 0 && continues(all[i + 1]?.text)) i++;
  const c = i >= 0 ? all[i] : undefined;
  const clauseEnd = c ? c.start + c.text.length : text.length;
  const and = /^\s*(?:and|&)\s+/i.exec(text.slice(anchor, clauseEnd));
  if (and) return { ...noteFrom(text, anchor + and[0].length), noteStart: anchor };
  // Dictation without commas: "called mrs garza she said …" goes on to what was said.
  const runOn = /^\s+(?=(?:she|he|they|we)(?:['’](?:s|re|ll|d))?\s)/i.exec(text.slice(anchor, clauseEnd));
  if (runOn) return { ...noteFrom(text, anchor + runOn[0].length), noteStart: anchor };
  return { ...noteFrom(text, clauseEnd), noteStart: clauseEnd };
}

// What the interaction was about, said in its own clause: "emailed Jane about the renewal" → "the
// renewal"; the clauses after it go on in the note as written, up to a follow-up request.
const TOPIC = /\b(?:about|re:?|regarding|abt)\s+(?=\S)/i;

function topicNote(text: string, anchor: number, parts: NoteParts & { noteStart: number }): string | undefined {
  const topic = TOPIC.exec(text.slice(anchor, parts.noteStart));
  if (!topic) return undefined;
  const end = parts.followUp === undefined ? text.length : text.length - parts.followUp.length;
  return cleanValue(text.slice(anchor + topic.index + topic[0].length, end)).replace(/[\s,;:.–—-]+$/, '') || undefined;
}

function findLogName(text: string, from: number, clauseEnd: number): NameMatch | undefined {
  const direct = readNameAt(text, from);
  if (direct && direct.start < clauseEnd) return direct;
  const after = nameAfter(text, NAME_LEAD, from);
  if (after && after.start < clauseEnd) return after;
  const caps = findCapitalizedName(text, from);
  return caps && caps.start < clauseEnd ? caps : undefined;
}

function firstClauseEnd(text: string, from: number): number {
  const c = clauses(text).find((x) => from <= x.start + x.text.length);
  return c ? c.start + c.text.length : text.length;
}

/** Slots of a logged interaction: names, kind, note, the follow-up's dueAt, when it happened, the words to keep. */
export function logSlots(input: SlotInput, raw: string): CommandOf<'log_interaction'> {
  const { text, ctx } = input;
  // The address or number the interaction went to (LABELING.md); names are read with both masked
  // by a character no name is made of, so "emailed ops@globex.com the deck" names no one.
  const details = findContactDetails(text, { filler: '#', bareDigits: false });
  const reached = { email: details.email?.value, phone: details.phone?.value };
  const named = details.masked;
  const explicit = EXPLICIT.exec(text);
  if (explicit) {
    const words = (explicit[3] ?? '').trim();
    const parts = noteFrom(words, 0);
    return compact({
      intent: 'log_interaction' as const,
      ...parseNameSpan(explicit[2] ?? '', 'any'),
      ...reached,
      kind: kindFromWord(explicit[1] ?? '') ?? detectKind(text),
      note: parts.note,
      dueAt: parts.followUp ? findDue(parts.followUp, ctx)?.at : undefined,
      words,
    });
  }
  let name: NameMatch | undefined;
  let anchor: number;
  const noteFor = /^(?:note|nb)\s+(?:for|on|re|about|to)\s+/i.exec(text);
  const noteColon = /^(?:note|nb)\s*:\s*/i.exec(text);
  const fyi = /^fyi\s*[:,-]?\s*/i.exec(text);
  if (noteFor) {
    name = readNameAt(named, noteFor[0].length, 'any');
    anchor = name?.end ?? noteFor[0].length;
  } else if (noteColon || fyi) {
    const start = (noteColon ?? fyi)?.[0].length ?? 0;
    name = fyi ? readNameAt(named, start) : findCapitalizedName(named, start);
    // "note: ..." keeps everything after the colon; "fyi Acme ..." everything after the name.
    anchor = fyi ? (name?.end ?? start) : start;
    const parts = noteFrom(text, anchor);
    // "fyi Brindle - their CFO Nadia Rahman is leaving": the person the note is about.
    const about = fyi && name?.customer && !name.contact ? speakerAfter(named, name.end) : undefined;
    return compact({
      intent: 'log_interaction' as const, ...refOf(name), ...(about ? { contact: about } : {}), ...reached, kind: 'note' as const,
      note: parts.note, dueAt: parts.followUp ? findDue(parts.followUp, ctx)?.at : undefined, words: raw,
    });
  } else {
    const head = LOG_HEAD.exec(text);
    // "email — Beatriz Souza, …", "Call: Thistle & Crown / Edmund Hale": the separator after the kind.
    // "meeting today — Carla Mendes …", "quick call, Hal from Brody & Sons: …": a time word and a separator after it too.
    const lead = /^(?:\s+(?:today|yesterday|this\s+(?:morning|afternoon|evening)|earlier|just\s+now))?\s*[:\-–—→/,]\s*/i;
    const from = head ? head[0].length + (lead.exec(text.slice(head[0].length))?.[0].length ?? 0) : 0;
    name = findLogName(named, from, firstClauseEnd(text, from));
    // "spoke to Okafor": one speaks to a person, so a family name alone right after is someone's.
    if (name?.customer && !name.contact && /\b(?:spoke|spoken|talked|speaking|talking)\s+(?:to|with|w\/?)\s*$/i.test(text.slice(0, name.start)) && /^\p{Lu}\p{Ll}+$/u.test(name.customer) && isSurname(name.customer)) {
      name = { contact: name.customer, start: name.start, end: name.end };
    }
    const host = name?.customer && !name.contact ? personRightAfter(named, name.end) : undefined;
    anchor = host?.end ?? name?.end ?? from;
  }
  const parts = splitNote(text, anchor);
  const interaction = text.slice(0, parts.noteStart);
  const note = topicNote(text, anchor, parts) ?? parts.note;
  const speaker = name?.customer && !name.contact ? speakerAfter(named, name.end) : undefined;
  return compact({
    intent: 'log_interaction' as const,
    ...personByAddress(refOf(name), reached.email),
    ...(speaker ? { contact: speaker } : {}),
    ...reached,
    kind: noteFor ? ('note' as const) : detectKind(interaction) ?? detectKind(text),
    note,
    dueAt: parts.followUp ? findDue(parts.followUp, ctx)?.at : undefined,
    occurredAt: findPast(interaction, ctx),
    words: raw,
  });
}
