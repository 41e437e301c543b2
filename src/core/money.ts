/** Largest amount stored, in minor units: the database column is a 32-bit integer. */
export const MAX_AMOUNT_MINOR = 2_147_483_647;

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 code the runtime knows. */
export function isCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code.toUpperCase());
}

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Converts a major-unit amount to integer minor units, or explains why it cannot. */
export function toMinor(amount: number, currency: string): { ok: true; minor: number } | { ok: false; error: string } {
  if (!isCurrency(currency)) return { ok: false, error: `“${currency}” is not a currency code I know (try USD, EUR, GBP).` };
  if (!Number.isFinite(amount) || amount <= 0) return { ok: false, error: 'The amount must be a positive number, like $1,200 or 3k.' };
  const minor = Math.round(amount * 10 ** minorDigits(currency));
  if (minor > MAX_AMOUNT_MINOR) return { ok: false, error: 'That amount is too large to store.' };
  if (minor === 0) return { ok: false, error: 'That amount rounds to zero.' };
  return { ok: true, minor };
}

/** Formats minor units as money, e.g. 120000 USD -> "$1,200.00". */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** Sums minor amounts per currency and formats them ("$1,200.00 + €450.00"). */
export function formatTotals(rows: readonly { amountMinor: number; currency: string }[], locale = 'en-US'): string {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amountMinor);
  if (totals.size === 0) return formatMoney(0, 'USD', locale);
  return [...totals].map(([c, m]) => formatMoney(m, c, locale)).join(' + ');
}
