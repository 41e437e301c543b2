import type { Span } from './dates/index.ts';

/** A value found in a message and where it was written. */
export interface Found {
  value: string;
  span: Span;
}

const EMAIL = /(?<![\w.+-])[\w.+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[\p{L}]{2,}/u;
// "+1 555 0100", "(570) 555-0142", "+1-212-555-0147", "555-0199", "+44 20 7946 0958".
const PHONE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,8}(?:[\s.-]\d{2,8}){1,4}(?![\w])|(?<![\w+])\+\d{7,15}(?!\w)/;

/** The first e-mail address in `text`, as written. */
export function findEmail(text: string): Found | undefined {
  const m = EMAIL.exec(text);
  return m ? { value: m[0], span: { start: m.index, end: m.index + m[0].length } } : undefined;
}

/** `text` with e-mail addresses blanked out (same length), so their parts are never read as names. */
export function blankEmails(text: string): string {
  return text.replace(new RegExp(EMAIL.source, 'gu'), (m) => ' '.repeat(m.length));
}

/** The first phone number in `text` (7 to 15 digits), as written with its spaces and `+`. */
export function findPhone(text: string): Found | undefined {
  const m = PHONE.exec(text);
  if (!m) return undefined;
  const digits = m[0].replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return undefined;
  return { value: m[0].trim(), span: { start: m.index, end: m.index + m[0].length } };
}
