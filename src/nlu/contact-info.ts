import type { Span } from './dates/index.ts';

/** A value found in a message and where it was written. */
export interface Found {
  value: string;
  span: Span;
}

const EMAIL = /(?<![\w.+-])[\w.+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[\p{L}]{2,}/u;
// Digit groups joined by one space, dot or hyphen, or around a bracketed area code, with an optional
// leading "+" and extension: "+1 555 0100", "(555) 010-0100", "+61 3 9123 4567", "+44 (0)20 7946 0958",
// "555.010.0100", "3125550100", "+1 555 0100 ext. 12". Not next to a currency sign or inside a word.
const PHONE =
  /(?<![\w+.,/#$€£¥₹-])(?:\+\s?)?(?:\(\d{1,5}\)|\d{1,15})(?:(?:[ .-]|(?<=\))|(?=\())(?:\(\d{1,5}\)|\d{1,15}))*(?:,?\s?(?:ext\.?|extension|x)\s?\d{1,6})?(?![\w+@])(?![.,/-]\d)(?!\s?[$€£¥₹])/giu;
// Dates ("2026-12-01", "01.12.2026") and amounts in thousands ("1.250.000", "1 250 000") are not phone numbers.
const NOT_A_PHONE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,3}(?:\.\d{3})+|\d{1,2}(?: \d{3})+)$/;

/** The first e-mail address in `text`, as written. */
export function findEmail(text: string): Found | undefined {
  const m = EMAIL.exec(text);
  return m ? { value: m[0], span: { start: m.index, end: m.index + m[0].length } } : undefined;
}

/** The e-mail address and phone number a message gives, and the message with both masked. */
export interface ContactDetails {
  email?: Found;
  phone?: Found;
  /** The text with the address and number replaced by `filler` (same length), so no name is read from them. */
  masked: string;
}

/** How findContactDetails reads and masks. */
export interface ContactDetailsOptions {
  /** Character that replaces the address and number in `masked`. Default: a space. */
  filler?: string;
  /** Whether a bare run of digits is a phone number (see findPhone). Default: true. */
  bareDigits?: boolean;
}

/** Finds the first e-mail address, then the first phone number outside it, and masks both. */
export function findContactDetails(text: string, options: ContactDetailsOptions = {}): ContactDetails {
  const filler = options.filler ?? ' ';
  const mask = (s: string, f: Found | undefined): string =>
    f ? s.slice(0, f.span.start) + filler.repeat(f.span.end - f.span.start) + s.slice(f.span.end) : s;
  const email = findEmail(text);
  const withoutEmail = mask(text, email);
  const phone = findPhone(withoutEmail, options.bareDigits ?? true);
  return { email, phone, masked: mask(withoutEmail, phone) };
}

/**
 * The first phone number in `text` (7 to 15 digits before any extension), as written with its spaces
 * and `+`. A bare run of digits ("3125550100") counts only when `bareDigits`, where the message is
 * about contact details; elsewhere it is more likely an order or PO number.
 */
export function findPhone(text: string, bareDigits = true): Found | undefined {
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const value = m[0];
    const digits = value.replace(/(?:,?\s?(?:ext\.?|extension|x)\s?\d+)$/i, '').replace(/\D/g, '').length;
    const shaped = bareDigits || !/^\d+$/.test(value);
    if (digits >= 7 && digits <= 15 && shaped && !NOT_A_PHONE.test(value)) {
      return { value, span: { start: m.index, end: m.index + value.length } };
    }
  }
  return undefined;
}
