import type { CommandOf } from '../core/command.ts';
import { findContactDetails } from './contact-info.ts';
import { hasCompanySuffix, parseNameSpan } from './names.ts';
import { compact } from './slots/common.ts';
import { cleanValue } from './text.ts';

// "fwd:", "fw: …", "fwd sms:", "forwarding a text:", "fwd Mail:" on the first line.
const HEADER = /^\s*(?:fwd?|fw|forward(?:ed|ing)?)\b(?:\s+(?:a|an|this)\b)?(?:\s+(sms|text|whats\s?app|message|msg|mail|e-?mail))?\s*:?[ \t]*(.*)$/i;
// A line that closes the body and opens the signature.
const SIGN_OFF = /^(?:--+|—|–|(?:kind\s+|best\s+|warm\s+)?regards|best|thanks|thank\s+you|cheers|mit\s+freundlichen\s+grüßen|viele\s+grüße|saludos|cumprimentos|atenciosamente)[,!.]?$/i;
// Signature parts that are a role or a contact detail, not a name.
const ROLE_WORDS = /\b(?:manager|director|head|lead|procurement|operations|ops|owner|founder|ceo|cto|cfo|coo|assistant|officer|engineer|designer|consultant|accounts?|sales|marketing|finance|leitung|gerente|diretor)\b/i;
const DETAIL = /^(?:[a-z]{1,3}\s*:\s*)?(?:\+?\d[\d\s().-]{5,}|[\w.+-]+@[\w.-]+)$/i;

/**
 * A forwarded e-mail or text with its sender's signature ("fw: pls share the APK by thursday\n\nRegards,
 * \nAparna Das\nProject Manager, Saffronbyte Technologies Pvt Ltd"): an incoming interaction from the
 * person and company the signature names, whose body is the note. Undefined when it is no such message.
 */
export function parseForwarded(raw: string): CommandOf<'log_interaction'> | undefined {
  const lines = raw.split('\n').map((l) => l.trim());
  const header = HEADER.exec(lines[0] ?? '');
  if (!header || lines.length < 3) return undefined;
  const rest = [header[2] ?? '', ...lines.slice(1)].map((l) => l.replace(/^["“”]+|["“”]+$/g, '').trim()).filter(Boolean);
  const closing = rest.findIndex((l) => SIGN_OFF.test(l));
  let body: string[];
  let signature: string[];
  if (closing >= 0) {
    body = rest.slice(0, closing);
    signature = rest.slice(closing + 1);
  } else if (/^[—–-]\s*\S/.test(rest[rest.length - 1] ?? '')) {
    body = rest.slice(0, -1);
    signature = [(rest[rest.length - 1] ?? '').replace(/^[—–-]\s*/, '')];
  } else {
    return undefined;
  }
  const parts = signature.flatMap((l) => l.split(/\s*[,/|]\s*/)).map((p) => p.trim()).filter(Boolean);
  const names = parts.filter((p) => !DETAIL.test(p) && !ROLE_WORDS.test(p) && /^\p{Lu}/u.test(p));
  const person = names[0];
  const company = names.slice(1).map((n) => parseNameSpan(n, 'never').customer).find(Boolean);
  if (!person || body.length === 0) return undefined;
  const { email, phone } = findContactDetails(signature.join(' / '));
  const medium = (header[1] ?? '').toLowerCase();
  const note = cleanValue(body.filter((l) => !/^(?:hi|hello|hey|dear|hallo|hola)(?:\s+\S+)?\s*[,!]?$/i.test(l)).join(', ').replace(/^subject:\s*/i, ''));
  return compact({
    intent: 'log_interaction' as const,
    contact: person,
    customer: company,
    kind: /^(?:sms|text|whats\s?app|message|msg)$/.test(medium) ? ('message' as const) : ('email' as const),
    email: email?.value,
    phone: phone?.value,
    note: note || undefined,
    words: raw.trim(),
  });
}

// "Fwd: Roth Logistik GmbH - Maximilian Roth wrote: we take package M", "Hajiya Zainab <zainab@…> wrote: …",
// "fwd from Khalid Al Mansoori (Al Noor Trading LLC): …", "fwd whatsapp from Riaan (Seaboard Realty): …".
const QUOTED = /^(?:(?:fwd?|fw|forward(?:ed|ing)?)\b\s*:?\s*)?(.{2,100}?)\s+wrote\s*:\s*(\S.*)$|^(?:fwd?|fw|forward(?:ed)?)\s+(?:(?:an?\s+)?(e-?mail|mail|whats\s?app|text|sms|message|msg)\s+)?from\s+([^:]{2,100}?)\s*:\s*(\S.*)$/i;
const PRONOUN = /^(?:i|we|you|he|she|they|it|someone|somebody)$/i;

/**
 * An e-mail quoted with its "… wrote:" line: an incoming e-mail from whoever the line names (a person,
 * their company, or both, "Company - Person" or "Person (Company)"), whose quoted text is the note.
 */
export function parseQuotedReply(text: string): CommandOf<'log_interaction'> | undefined {
  const m = QUOTED.exec(text);
  if (!m) return undefined;
  const { email, phone, masked } = findContactDetails(m[1] ?? m[4] ?? '');
  // "On Tue, 3 Mar, Lena Berg wrote:": the date goes.
  const line = masked.replace(/<\s*>/g, ' ').trim();
  const who = /^on\s/i.test(line) ? line.slice(line.lastIndexOf(',') + 1).trim() : line;
  if (who === '' || PRONOUN.test(who)) return undefined;
  const refs = who.split(/\s+[-–—|]\s+/).map((part) => parseNameSpan(part, 'never'));
  let contact = refs.map((r) => r.contact).find(Boolean);
  let customer = refs.map((r) => r.customer).find(Boolean);
  if (!contact && !customer) return undefined;
  // A name alone with its own address ("Hajiya Zainab <zainab@…>") is the sender, a person.
  if (!contact && customer && refs.length === 1 && email && !hasCompanySuffix(customer)) [contact, customer] = [customer, undefined];
  return compact({
    intent: 'log_interaction' as const,
    contact,
    customer,
    kind: /^(?:whats\s?app|text|sms|message|msg)$/i.test(m[3] ?? '') ? ('message' as const) : ('email' as const),
    email: email?.value,
    phone: phone?.value,
    note: cleanValue((m[2] ?? m[5] ?? '').replace(/^["“]|["”]$/g, '')) || undefined,
    words: text,
  });
}
