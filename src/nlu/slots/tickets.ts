import type { CommandOf } from '../../core/command.ts';
import { findCapitalizedName, parseNameSpan, readNameAt } from '../names.ts';
import { cleanValue, dropArticle } from '../text.ts';
import { compact, nameAfter, refOf, type SlotInput } from './common.ts';

// "Acme reports ...", and "Acme opened a ticket: ..." where the problem follows the ticket.
const REPORTER =
  /^(.+?)\s+(?:reports?|reported|is\s+reporting|says|said|complains?|complained|is\s+complaining|flagged|noticed|mentioned|writes|wrote|(?:opened|raised|filed|logged)\s+an?\s+(?:support\s+)?(?:ticket|issue|bug)\s*[:,\-–]?)(?:\s+(?:that|about))?[:\s]\s*(.+)$/i;
const TICKET_HEAD =
  /^(?:(?:new|open|log|raise|file|create)\s+(?:a\s+|an\s+)?)?(?:support\s+)?(?:ticket|bug|issue|problem)(?:\s+report)?\s*(?:(?:for|from|at|with)\s+|:\s*)?/i;

/** Slots of a support problem: who reported it and the problem as written. */
export function openTicketSlots(input: SlotInput): CommandOf<'open_ticket'> {
  const { text } = input;
  const reporter = REPORTER.exec(text);
  if (reporter) {
    const names = parseNameSpan(reporter[1] ?? '');
    // A reporter known by address only ("ops@acme.com reports ...") names no one, but is not the problem.
    const byAddress = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test((reporter[1] ?? '').trim());
    if (names.customer || names.contact || byAddress) {
      return compact({ intent: 'open_ticket' as const, ...names, note: cleanValue(reporter[2] ?? '') });
    }
  }
  const head = TICKET_HEAD.exec(text);
  const from = head ? head[0].length : 0;
  const name = readNameAt(text, from) ?? findCapitalizedName(text, from);
  // The problem is what follows the name ("Acme: the export is broken", "Hooli can't log in").
  const rest = name ? text.slice(name.end) : text.slice(from);
  return compact({ intent: 'open_ticket' as const, ...refOf(name), note: cleanValue(rest) });
}

const CLOSE_HEAD =
  /^(?:(?:please|pls)\s+)?(?:close|closed|resolve|resolved|fix|fixed|mark)\b\s*(?:out\s+)?[:\-–]?\s*(?:the\s+)?(?:(?:ticket|issue|bug)\s*(?:(?:for|from|of)\s+|:\s*))?/i;
const TICKET_WORD = /\s*\b(?:ticket|issue|bug|problem)s?\b/i;
// "Acme says the bug is fixed": the customer's word for it comes before the ticket's words.
const SAYS = /^\s*(?:says|said|reports?|reported|confirms?|confirmed)(?:\s+that)?\s+/i;
const FIXED_TAIL = /\s+(?:is|are|was|has\s+been|have\s+been|got)\s+(?:now\s+)?(?:fixed|resolved|closed|done)\b.*$|\s*[,;].*$/i;

/** Slots of a closed ticket: the customer and the words naming the ticket ("export"). */
export function closeTicketSlots(input: SlotInput): CommandOf<'close_ticket'> {
  const { text } = input;
  const head = CLOSE_HEAD.exec(text);
  const from = head ? head[0].length : 0;
  // "close the umlaut ticket for Lumen Diagnostik": the name after the ticket word is whose it is.
  const owner = nameAfter(text, /\b(?:ticket|issue|bug|problem)s?\s+(?:for|from|of|at)\s+/i);
  const name = owner ?? readNameAt(text, from);
  const start = name && /^\s*(?:the\s+)?$/i.test(text.slice(from, name.start)) ? name.end : from;
  // The ticket's words sit before "ticket" ("Acme's export ticket") or after the name ("ticket: Acme VAT"),
  // and end with their clause or a "... is fixed" ("Acme's iOS crash is fixed, close the ticket").
  const clause = text.slice(start).replace(FIXED_TAIL, '').replace(SAYS, '');
  const word = TICKET_WORD.exec(clause);
  const words = word ? clause.slice(0, word.index) : name ? clause : '';
  const note = dropArticle(cleanValue(words));
  return compact({
    intent: 'close_ticket' as const, ...refOf(name),
    note: /^(?:that|this|it|the|my)$/i.test(note) ? undefined : note,
  });
}
