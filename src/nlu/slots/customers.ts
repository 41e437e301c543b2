import type { CommandOf } from '../../core/command.ts';
import { findContactDetails } from '../contact-info.ts';
import { findCapitalizedName, hasCompanySuffix, isPersonName, type NameMatch, parseNameSpan, readNameAt } from '../names.ts';
import { RENAMED_AS } from '../intent-rules.ts';
import { cleanValue } from '../text.ts';
import { compact, nameAfter, personByAddress, refOf, type SlotInput } from './common.ts';

const LIFECYCLE: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bat[- _]?risk\b/i, 'at_risk'],
  [/\bchurn(?:ed)?\b/i, 'churned'],
  [/\bactive\b/i, 'active'],
  [/\bleads?\b/i, 'lead'],
];

/** The lifecycle stage a message names: lead, active, at_risk or churned. */
export function lifecycleStage(text: string): string | undefined {
  for (const [re, stage] of LIFECYCLE) if (re.test(text)) return stage;
  return undefined;
}

function tagOf(text: string): string | undefined {
  const quoted = /\btag\s+["']([^"']+)["']/i.exec(text) ?? /\btagged\s+["']?([\w][\w -]*?)["']?(?=[,.;]|$)/i.exec(text);
  const plain = /\b(?:tag(?:ged)?|label(?:led)?)(?:\s*:)?\s+(?:it\s+|them\s+)?(?:as\s+)?([\p{L}\d][\p{L}\d -]*?)\s*(?=[,.;!?]|$)/iu.exec(text);
  const value = quoted?.[1] ?? plain?.[1];
  return value ? cleanValue(value).toLowerCase() : undefined;
}

// Masks e-mail addresses and phone numbers so that "alice@umbrella.io" is not read as a name.
function contactInfo(text: string): { email?: string; phone?: string; masked: string } {
  const { email, phone, masked } = findContactDetails(text);
  return { email: email?.value, phone: phone?.value, masked };
}

const ADD_HEAD =
  /^(?:(?:please|pls)\s+)?(?:(?:add|adding|create|onboard|onboarded|signed|sign\s+up)\s+(?:(?:a|an|the)\s+)?(?:new\s+)?(?:customer|client|cust|account|lead)s?\b(?:\s+(?:called|named))?|new\s+(?:customer|client|cust|account|lead)\b|signed\s+(?:up\s+)?a\s+new\s+(?:customer|client)(?:\s+today)?|add(?:ing)?\b|onboard(?:ed|ing)?\b)\s*:?\s*/i;

// The new customer's contact: "contact Alice", "Jane at Acme", or a person right after the name
// ("Wayne Enterprises - Bruce Wayne, ...").
function newContact(masked: string, name: NameMatch | undefined, email?: string): string | undefined {
  // "contact Jane Doe", "owner is Sam Delgado", "CEO: Priya Nair".
  const explicit = nameAfter(masked, /\b(?:contacts?(?:\s+person)?\s*(?:is\b|:)?|main\s+(?:person|contact)\s*(?:is\b|:)?|via|(?:their|our)\s+(?:\p{Lu}{2,4}|pm|ceo|cto|cfo|coo|owner|manager|buyer|director|founder)\s+is|(?:owner|founder|co-?founder|ceo|cto|cfo|coo|manager|buyer|director|point\s+of\s+contact|poc)\s*(?:is\b|:))\s+/iu, name?.end ?? 0);
  if (explicit) return explicit.contact ?? explicit.customer;
  // "owner Mrs. Linh Nguyen", "manager Teresa Lindgren": a role right before a person.
  const role = nameAfter(masked, /[,;(]\s*(?:the\s+)?(?:owner|founder|co-?founder|ceo|cto|cfo|coo|manager|buyer|director)\s+(?=\p{Lu})/iu, name?.end ?? 0, 'never');
  if (role?.contact && !role.customer) return role.contact;
  // "Felix Brandt is the founder".
  const isRole = /[,;]\s*([^,;]+?)\s+is\s+(?:the|their|our)\s+(?:owner|founder|co-?founder|ceo|cto|cfo|coo|manager|buyer|director|contact)\b/i.exec(masked.slice(name?.end ?? 0));
  const person = isRole ? parseNameSpan(isRole[1] ?? '', 'never') : undefined;
  if (person?.contact && !person.customer) return person.contact;
  if (!name) return undefined;
  if (name.customer && name.contact) return name.contact;
  const gap = /^\s*(?:[-–—,(:]|with\b)\s*/i.exec(masked.slice(name.end));
  const next = gap ? readNameAt(masked, name.end + gap[0].length) : undefined;
  if (next?.contact && !next.customer) return next.contact;
  // A person listed later among the details: "new customer Acme Corp, priya@acme.io, Priya Nair".
  for (const item of masked.slice(name.end).matchAll(/(?:[,(;]|\s[-–—])\s*(?=\p{Lu})/gu)) {
    const later = readNameAt(masked, name.end + (item.index ?? 0) + item[0].length, 'never');
    if (later?.contact && !later.customer && isPersonName(later.contact)) return later.contact;
    const spelled = later ? personByAddress(refOf(later), email, true) : {};
    if (spelled.contact && !spelled.customer) return spelled.contact;
  }
  return undefined;
}

// A person's role before their name at the start ("wholesale buyer Priscilla Amadi from …, new customer").
const ROLE_LEAD = /^(?:[\p{Ll}-]+\s+)?(?:buyer|owner|manager|director|founder|co-?founder|ceo|cto|cfo|coo|cmo|principal|head)\s+(?=\p{Lu})/u;

/** Slots of a new customer: its name, a contact with e-mail/phone, a tag, a lifecycle stage. */
export function addCustomerSlots(input: SlotInput): CommandOf<'add_customer'> {
  const { text } = input;
  const { email, phone, masked } = contactInfo(text);
  const head = ADD_HEAD.exec(masked) ?? ROLE_LEAD.exec(masked);
  const name = readNameAt(masked, head ? head[0].length : 0, 'any') ?? findCapitalizedName(masked);
  const stage = /^(?:new\s+lead|add\s+(?:a\s+)?(?:new\s+)?lead)\b/i.test(text)
    ? 'lead'
    : lifecycleStage(masked.slice(name?.end ?? 0).replace(/\btag(?:ged)?\s+\S+/gi, ''));
  // A person's name alone is a contact here too ("new client Tanvi Desai", LABELING's rule); the
  // engine makes that person the customer.
  const ref = personByAddress(refOf(name), email);
  const person = ref.contact && !ref.customer ? ref.contact : undefined;
  return compact({
    intent: 'add_customer' as const, customer: ref.customer, contact: person ?? newContact(masked, name, email),
    email, phone, tag: tagOf(masked), stage,
  });
}

const UPDATE_HEAD = /^(?:(?:please|pls)\s+)?(?:tag|untag|label|retag|rename|mark|set|flag|update|change|save|store|record|add\s+(?:the\s+)?tag\s+(?:"[^"]*"|'[^']*'|\S+)\s+to)\s+/i;

// A field and whose it is: "the main phone for Acme", "(set) email for Hooli (to ...)".
const FIELD_FOR =
  /^(?:the\s+)?(?:(?:new|main|contact|work|office|billing|direct)\s+)*(?:phone(?:\s+number)?|number|mobile|cell|tel(?:ephone)?|landline|fax|e-?mail(?:\s+address)?|address)\s+(?:for|of)\s+/i;
// A contact added to a customer: "add contact Jane Doe to Acme", "new contact at Acme: Jane Doe".
const ADDED_CONTACT =
  /^(?:add(?:ed)?|new)\s+(?:a\s+)?(?:new\s+)?contact\s*:?\s+(?:(?:at|for|to)\s+(.+?)\s*:\s*(.+)|(.+?)\s+(?:to|at|for)\s+(.+))$/i;
// "add Priyanka Shetty to Pellucid Labs (as second contact), priyanka@…".
const ADDED_TO = /^add\s+(.+?)\s+(?:to|at)\s+(.+?)(?:\s+as\s+(?:a\s+|an\s+)?(?:second|new|another|main)?\s*contact)?(?=\s*[,;]|$)/i;

// Whose field, when the name comes first: "pied piper phone: ...", "Bob from Globex's number is ...".
const NAME_THEN_FIELD =
  /^(?:the\s+)?(.+?)(?:['’]s?)?\s+(?:(?:new|main|contact|work|office|billing|direct)\s+)*(?:phone(?:\s+number)?|number|mobile|cell|tel(?:ephone)?|landline|fax|e-?mail(?:\s+address)?|address)\b/i;

function updateTarget(masked: string): NameMatch | undefined {
  const head = UPDATE_HEAD.exec(masked);
  const from = head ? head[0].length : 0;
  const field = FIELD_FOR.exec(masked.slice(from));
  if (field) return readNameAt(masked, from + field[0].length, 'any');
  if (head) return readNameAt(masked, from, 'any');
  // The words before the field are a name, so ordinary words count ("pied piper").
  const before = NAME_THEN_FIELD.exec(masked);
  const named = before ? readNameAt(masked, before[0].indexOf(before[1] ?? ''), 'any') : undefined;
  return named ?? readNameAt(masked, 0) ?? findCapitalizedName(masked);
}

// A contact given to a customer, each named in its own words ("Acme's new contact is Jane", "add contact Jane to Acme").
function contactAdded(at: string, who: string, email: string | undefined, phone: string | undefined): CommandOf<'update_customer'> {
  const place = parseNameSpan(at, 'any');
  const person = parseNameSpan(who, 'any');
  return compact({ intent: 'update_customer' as const, customer: place.customer ?? place.contact, contact: person.contact ?? person.customer, email, phone });
}

// The old name and the new: "rename X to Y", "change X's name to Y", "X is now called Y", "Acme is now Acme Labs".
const RENAMED = [
  /^(?:(?:please|pls)\s+)?rename\s+(?:the\s+customer\s+)?(?<old>.+?)\s+(?:to|as)\s+(?<new>.+)$/i,
  /^(?:(?:please|pls)\s+)?change\s+(?:the\s+name\s+of\s+(?<old>.+?)|(?<owner>.+?)['’]s?\s+name)\s+to\s+(?<new>.+)$/i,
  new RegExp(`^(?<old>.+?)\\s+${RENAMED_AS}\\s+(?<new>.+)$`, 'i'),
  /^(?<old>(?<first>\S+)(?:\s+\S+){0,5}?)\s+is\s+now\s+(?<new>\k<first>(?:\s.*)?)$/i,
];

function renameSlots(text: string): CommandOf<'update_customer'> | undefined {
  for (const re of RENAMED) {
    const groups = re.exec(text)?.groups;
    if (!groups) continue;
    const from = parseNameSpan(groups.old ?? groups.owner ?? '', 'any');
    // A final dot stays after a legal form ("Bluefin Creative Co.").
    const raw = (groups.new ?? '').replace(/^["“'‘]+|["”'’\s,;:!?]+$/g, '');
    const to = /\b(?:co|inc|ltd|corp|llc|plc|pty|lda|bros|ltda)\.$/i.test(raw) ? raw : raw.replace(/\.+$/, '');
    const customer = from.customer ?? from.contact;
    if (customer && to) return { intent: 'update_customer', customer, rename: to };
  }
  return undefined;
}

/** Slots of a customer change: who, and the new phone, e-mail, tag or lifecycle stage, or a new name. */
export function updateCustomerSlots(input: SlotInput): CommandOf<'update_customer'> {
  const { text } = input;
  const renamed = renameSlots(text);
  if (renamed) return renamed;
  const { email, phone, masked } = contactInfo(text);
  // "Jane Smith is the new contact at Acme".
  const newContact = /^(.+?)\s+is\s+(?:now\s+)?(?:the|our)\s+(?:new\s+)?(?:main\s+)?(?:contact|point\s+of\s+contact|poc)\s+(?:at|for|with)\s+(.+)$/i.exec(masked);
  if (newContact) {
    return compact({ intent: 'update_customer' as const, contact: parseNameSpan(newContact[1] ?? '', 'any').contact, customer: parseNameSpan(newContact[2] ?? '', 'any').customer, email, phone });
  }
  // "Tide Pool Swim School's new contact is Chloe Barnes".
  const theirContact = /^(.+?)['’]s?\s+(?:new\s+)?(?:main\s+|primary\s+)?(?:contact|point\s+of\s+contact|poc|buyer|owner|manager|founder|ceo|cto|cfo|coo)\s*(?:is\s+(?:now\s+)?|:\s*)([^,;]+)/i.exec(masked);
  if (theirContact) return contactAdded(theirContact[1] ?? '', theirContact[2] ?? '', email, phone);
  // "Pepper & Pine: new contact Joanna Wiśniewska".
  const colonContact = /^(?:(?:update|edit|change)\s+)?([^:]{1,60}?)(?::|\s[-–—])\s*(?:(?:new|added?)\s+)?(?:a\s+)?contact\s*[:\-–—]?\s+([^,;]+)/i.exec(masked);
  if (colonContact) return contactAdded(colonContact[1] ?? '', colonContact[2] ?? '', email, phone);
  const addedTo = ADDED_TO.exec(masked);
  if (addedTo && isPersonName(addedTo[1] ?? '')) {
    const at = parseNameSpan(addedTo[2] ?? '', 'any');
    return compact({ intent: 'update_customer' as const, customer: at.customer ?? at.contact, contact: addedTo[1], email, phone });
  }
  const added = ADDED_CONTACT.exec(masked);
  if (added) return contactAdded(added[1] ?? added[4] ?? '', added[2] ?? added[3] ?? '', email, phone);
  // "remove tag vip from Acme" / "untag vip from Acme": the tag first, then the customer.
  const removal = /^(?:(?:remove|delete|drop)\s+(?:the\s+)?tag|untag)\s+["']?(.+?)["']?\s+from\s+(.+?)\s*[.!]*$/i.exec(masked);
  if (removal) {
    return compact({ intent: 'update_customer' as const, customer: parseNameSpan(removal[2] ?? '', 'any').customer, tag: cleanValue(removal[1] ?? '').toLowerCase(), untag: true });
  }
  // "add tag key account to Acme": the tag first, then the customer.
  const addition = /^(?:(?:please|pls)\s+)?add\s+(?:the\s+)?tag\s+["']?(.+?)["']?\s+to\s+(.+?)\s*[.!]*$/i.exec(masked);
  if (addition) {
    return compact({ intent: 'update_customer' as const, ...parseNameSpan(addition[2] ?? '', 'any'), tag: cleanValue(addition[1] ?? '').toLowerCase() });
  }
  let name = updateTarget(masked);
  const isTagging = /^(?:(?:please|pls)\s+)?(?:tag|untag|label|retag|add\s+(?:the\s+)?tag)\b/i.test(text);
  // "tag acme vip": without capitals or "as", the last word of what was read is the tag.
  const lowerPair = /^(\S+(?:\s+\S+)*)\s+(\S+)$/.exec(name?.customer ?? '');
  if (isTagging && name && lowerPair && name.customer === name.customer?.toLowerCase() && /^\s*$/.test(masked.slice(name.end))) {
    name = { customer: lowerPair[1], start: name.start, end: name.start + (lowerPair[1] ?? '').length };
  }
  // A cell phone is a person's: "Erlich's cell is ..." names a contact even without a known given name.
  if (name?.customer && !name.contact && !hasCompanySuffix(name.customer) && /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}['’]s\s+(?:personal\s+)?(?:cell|mobile)\b/u.test(masked.slice(name.start))) {
    name = { contact: name.customer, start: name.start, end: name.end };
  }
  // Without a name, what follows the command word and any pronoun ("tag them as vip").
  const after = name ? masked.slice(name.end) : masked.replace(UPDATE_HEAD, '').replace(/^(?:them|it|her|him|this|that)\b/i, '');
  let tag: string | undefined;
  if (isTagging) {
    const quoted = /["']([^"']+)["']/.exec(masked);
    tag = quoted?.[1] ?? /^\s*(?::\s*)?(?:as\s+|with\s+)?(?:an?\s+)?([\p{L}\d][\p{L}\d -]*?)\s*(?=[,.;!?]|$)/iu.exec(after)?.[1];
  }
  const stage = !isTagging && !email && !phone ? lifecycleStage(after) : undefined;
  return compact({
    intent: 'update_customer' as const, ...refOf(name), email, phone,
    tag: tag ? cleanValue(tag).toLowerCase() : undefined, stage,
    untag: /^untag\b/i.test(text) ? true : undefined,
  });
}

const SUMMARY_HEAD =
  /^(?:how(?:'s|\s+is)\s+it\s+going\s+(?:with|at)|how\s+is|how's|hows|how\s+are\s+things\s+(?:with|at)|what'?s\s+up\s+with|what'?s\s+(?:happening|new|going\s+on)\s+(?:with|at)|what'?s\s+the\s+(?:story|latest|deal)\s+with|tell\s+me\s+(?:more\s+)?about|what\s+do\s+(?:we|i)\s+know\s+about|status\s+(?:of|for|on)|(?:give\s+me\s+(?:a|the)\s+)?summary(?:\s+(?:of|for|on))?|summari[sz]e|(?:an?\s+)?overview\s+(?:of|for)|info\s+(?:on|about|for)|catch\s+me\s+up\s+on|where\s+are\s+we\s+with|history\s+(?:with|of|for)|any\s+news\s+(?:on|from|about)|show\s+me|profile\s+(?:of|for)|details\s+(?:on|for|of)|who\s+is|who's)\s+/i;

/** Slots of a summary request: the customer or contact asked about. */
export function summarySlots(input: SlotInput): CommandOf<'customer_summary'> {
  const { text } = input;
  // "how is X doing", "tell me about X": the wording marks the name, so ordinary words count too.
  const framed = /^(?:how\s+is|how's|hows|how\s+are)\s+(.+?)\s+(?:doing|going)\b|^(?:tell\s+me\s+)?how\s+(.+?)\s+is\s+doing\b|^(?:summary\s+(?:of|for)?|summari[sz]e)\s+(.+?)\s*[?.!]*$|^(?:summary|overview|profile|status)\s*:\s*(.+?)\s*[?!]*$|^([^,:;]{1,40}?)(?:,|\s[-–—])\s*(?:summary|status|update|overview)\s*(?:pls|please|plz)?\s*\??$/i.exec(text);
  if (framed) {
    const ref = parseNameSpan(framed[1] ?? framed[2] ?? framed[3] ?? framed[4] ?? framed[5] ?? '', 'any');
    if (ref.customer || ref.contact) return { intent: 'customer_summary', ...ref };
  }
  const head = SUMMARY_HEAD.exec(text) ?? /^(?:give\s+me\s+)?(?:a\s+|the\s+)?(?:quick\s+|short\s+|brief\s+)?(?:summary|lowdown|rundown|low-down|run-down|update)\s+(?:of|for|on|about)\s+/i.exec(text);
  const name = readNameAt(text, head ? head[0].length : 0) ?? findCapitalizedName(text);
  return compact({ intent: 'customer_summary' as const, ...refOf(name) });
}

/** Slots of a customer listing: a tag ("enterprise customers") or a lifecycle stage ("churned customers"). */
export function listCustomersSlots(input: SlotInput): CommandOf<'list_customers'> {
  const { lower } = input;
  const tagged = /\b(?:tagged|with\s+tag|tag)\s+["']?([\w][\w -]*?)["']?\s*(?=[?.!,]|$)/.exec(lower);
  const body = lower.replace(/^(?:(?:please|pls|can\s+you)\s+)?(?:list|show|display|give|get|which|who\s+are|how\s+many)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+|our\s+)?/, '');
  const before = /^([\w-]+(?:\s+[\w-]+)?)\s+(?:customers|clients|accounts)\b/.exec(body);
  const word = tagged?.[1] ?? before?.[1];
  if (/\bleads\b/.test(lower) && !/\b(?:customers|clients|accounts)\b/.test(lower)) return { intent: 'list_customers', stage: 'lead' };
  if (!word || /^(?:all|my|the|our|me|of|are|which|list|show|who|are\s+my)$/.test(word)) return { intent: 'list_customers' };
  const stage = tagged ? undefined : lifecycleStage(word);
  return stage ? { intent: 'list_customers', stage } : { intent: 'list_customers', tag: cleanValue(word) };
}

/** Slots of an erasure request: the contact (and customer) whose personal data is to be forgotten. */
export function eraseSlots(input: SlotInput): CommandOf<'erase_contact'> {
  const { text } = input;
  const head = /^(?:(?:please|pls)\s+)?(?:gdpr(?:\s+request)?\s*:?\s*)?(?:forget|erase|delete|remove|wipe|purge)\s+(?:all\s+)?(?:(?:the\s+)?(?:personal\s+)?(?:data|info|information|details)\s+(?:about|for|of|on)\s+|contact\s+)?/i.exec(text);
  const name = readNameAt(text, head ? head[0].length : 0, 'any') ?? findCapitalizedName(text);
  // Personal data is a person's: a lone name without a company suffix is the contact ("erase Ngozi Okafor").
  if (name?.customer && !name.contact && !hasCompanySuffix(name.customer)) {
    return { intent: 'erase_contact', contact: name.customer };
  }
  return compact({ intent: 'erase_contact' as const, ...refOf(name) });
}

/** Slots of a survey request: who should get it. */
export function sendSurveySlots(input: SlotInput): CommandOf<'send_survey'> {
  const { text } = input;
  const masked = text.replace(/\b(?:the\s+)?(?:nps|csat|satisfaction|customer)?\s*(?:survey|nps)\b/gi, (m) => ' '.repeat(m.length));
  const name = nameAfter(masked, /^(?:(?:please|pls)\s+)?(?:send|email|text|ask|survey)\s+|\bto\s+/i) ?? findCapitalizedName(masked);
  return compact({ intent: 'send_survey' as const, ...refOf(name) });
}
