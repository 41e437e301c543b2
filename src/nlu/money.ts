import type { Span } from './dates/index.ts';

/** An amount of money found in a message: major units, the ISO 4217 code when one is shown. */
export interface Money {
  amount: number;
  currency?: string;
  span: Span;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  '$': 'USD', 'us$': 'USD', 'usd$': 'USD', 'c$': 'CAD', 'ca$': 'CAD', 'a$': 'AUD', 'au$': 'AUD', 'nz$': 'NZD',
  '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'chf': 'CHF', 'fr.': 'CHF', '₩': 'KRW', 'r$': 'BRL',
  's$': 'SGD', 'hk$': 'HKD', 'mx$': 'MXN', '₦': 'NGN', '₱': 'PHP', '₽': 'RUB', '₪': 'ILS', '฿': 'THB',
  '₺': 'TRY', '₴': 'UAH', '₫': 'VND', 'zł': 'PLN', 'rs': 'INR', 'rs.': 'INR', r: 'ZAR',
};
const WORDS: Readonly<Record<string, string>> = {
  usd: 'USD', dollar: 'USD', dollars: 'USD', bucks: 'USD', eur: 'EUR', euro: 'EUR', euros: 'EUR', gbp: 'GBP',
  pound: 'GBP', pounds: 'GBP', quid: 'GBP', jpy: 'JPY', yen: 'JPY', inr: 'INR', rupee: 'INR', rupees: 'INR',
  chf: 'CHF', franc: 'CHF', francs: 'CHF', cad: 'CAD', aud: 'AUD', nzd: 'NZD', sek: 'SEK', nok: 'NOK', dkk: 'DKK',
  pln: 'PLN', brl: 'BRL', mxn: 'MXN', sgd: 'SGD', hkd: 'HKD', cny: 'CNY', rmb: 'CNY', zar: 'ZAR', krw: 'KRW',
  ngn: 'NGN', naira: 'NGN', kes: 'KES', ghs: 'GHS', egp: 'EGP', aed: 'AED', dirhams: 'AED', sar: 'SAR',
  qar: 'QAR', ils: 'ILS', czk: 'CZK', huf: 'HUF', ron: 'RON', thb: 'THB', idr: 'IDR', myr: 'MYR',
  twd: 'TWD', clp: 'CLP', cop: 'COP', pen: 'PEN', ars: 'ARS', rub: 'RUB', uah: 'UAH', cedi: 'GHS', cedis: 'GHS',
  try: 'TRY', tl: 'TRY', lira: 'TRY', liras: 'TRY', shillings: 'KES', ksh: 'KES', rand: 'ZAR', ringgit: 'MYR',
  rupiah: 'IDR', baht: 'THB', dong: 'VND', zloty: 'PLN', złoty: 'PLN', reais: 'BRL',
};
// Words several countries' currencies share: which one is meant follows from where the operator is.
const SHARED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kr: { 'Europe/Stockholm': 'SEK', 'Europe/Oslo': 'NOK', 'Europe/Copenhagen': 'DKK', 'Atlantic/Reykjavik': 'ISK' },
  peso: { 'America/Bogota': 'COP', 'America/Mexico_City': 'MXN', 'America/Santiago': 'CLP', 'America/Argentina/Buenos_Aires': 'ARS', 'Asia/Manila': 'PHP', 'America/Montevideo': 'UYU' },
};
const SHARED_WORDS: Readonly<Record<string, keyof typeof SHARED>> = { kr: 'kr', 'kr.': 'kr', kronor: 'kr', kroner: 'kr', krónur: 'kr', peso: 'peso', pesos: 'peso' };
const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3, K: 1e3, m: 1e6, M: 1e6, mm: 1e6, mn: 1e6, bn: 1e9, b: 1e9, thousand: 1e3, grand: 1e3, million: 1e6,
  lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, crore: 1e7, crores: 1e7,
};

const SYMBOL_SRC = '(?:r(?=\\d)|usd\\$|us\\$|ca\\$|au\\$|nz\\$|hk\\$|mx\\$|c\\$|a\\$|r\\$|s\\$|fr\\.|rs\\.?|chf|zł|usd|eur|gbp|cad|aud|jpy|inr|sek|nok|dkk|pln|brl|mxn|sgd|hkd|nzd|ngn|zar|kes|aed|\\$|€|£|¥|₹|₩|₦|₱|₽|₪|฿|₺|₴|₫)';
// Thousands grouped by space, dot, comma or the Swiss apostrophe ("3'200"), or the Indian way ("1,50,000").
const NUMBER_SRC = "(\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d{1,2})?|\\d{1,3}(?:[ .,']\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)?)";
const MULT_SRC = '(k|m|mm|mn|bn|thousand|grand|million|lakhs?|lacs?|crores?)?';
const WORD_SRC = [...Object.keys(WORDS), ...Object.keys(SHARED_WORDS).map((w) => w.replace('.', '\\.'))].join('|');
// "$1,200", "€ 450", "C$900", "$1.2m" / "1.200,50 €", "250 USD", "5k euros", "3k" / a bare number.
const PREFIXED = new RegExp(`(?<![\\p{L}\\d])(${SYMBOL_SRC})\\s?${NUMBER_SRC}\\s?${MULT_SRC}(?![\\p{L}\\d])`, 'giu');
// Currency words before codes, so "18k euros" is not read as "18k eur" plus "os".
const SUFFIXED = new RegExp(`(?<![\\p{L}\\d.,$€£¥₹])${NUMBER_SRC}\\s?${MULT_SRC}\\s?((?:${WORD_SRC})(?![\\p{L}])|${SYMBOL_SRC})`, 'giu');
const SCALED = new RegExp(`(?<![\\p{L}\\d.,#$€£¥₹/:])${NUMBER_SRC}\\s?(k|mm|mn|bn|m|grand|thousand|million|lakhs?|lacs?|crores?)(?![\\p{L}\\d])`, 'giu');
const BARE = /(?<![\p{L}\d.,#$€£¥₹/:+-])(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{3,9}(?:\.\d{1,2})?)(?![\p{L}\d]|\s*(?:%|seats?|users?|licen[cs]es?|people|employees|staff|days?|weeks?|months?|years?|hours?|mins?|minutes?|am|pm|th|st|nd|rd)\b|[:/.,]\d)/giu;

/** Parses "1,200", "1.200,50", "12.000", "2 500", "1.5" in whichever convention the digits show. */
export function parseAmount(raw: string): number {
  const s = raw.replace(/[\s']/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    return Number(s.split(thousands).join('').replace(decimal, '.'));
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (!sep) return Number(s);
  // Indian grouping ("1,50,000") is thousands too.
  if (/^\d{1,2}(?:,\d{2})+,\d{3}$/.test(s)) return Number(s.replace(/,/g, ''));
  // One separator: groups of exactly three digits mean thousands ("12.000", "1,200"), else a decimal.
  const groups = s.split(sep);
  const thousands = groups.length > 2 || (groups.slice(1).every((g) => g.length === 3) && (groups[0] ?? '').length <= 3);
  return thousands ? Number(groups.join('')) : Number(s.replace(sep, '.'));
}

function scale(value: number, mult: string | undefined): number {
  const factor = mult ? (MULTIPLIERS[mult] ?? MULTIPLIERS[mult.toLowerCase()] ?? 1) : 1;
  // Round away binary noise: 1.2 * 1e6 is 1199999.9999999998.
  return Math.round(value * factor * 100) / 100;
}

function currencyOf(token: string, timeZone: string | undefined): string | undefined {
  const t = token.toLowerCase();
  const shared = SHARED_WORDS[t];
  return SYMBOLS[t] ?? WORDS[t] ?? (shared && timeZone ? SHARED[shared]?.[timeZone] : undefined);
}

/**
 * The first amount of money in `text`: with a currency symbol or code first, then "3k"-style
 * amounts, then (when `allowBare`) a plain number that is not a count, date or time. `timeZone`
 * tells which "kr" or "pesos" is meant.
 */
export function findMoney(text: string, allowBare = false, timeZone?: string): Money | undefined {
  const candidates: Money[] = [];
  for (const re of [PREFIXED, SUFFIXED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const prefixed = re === PREFIXED;
      const number = prefixed ? m[2] : m[1];
      const mult = prefixed ? m[3] : m[2];
      const cur = prefixed ? m[1] : m[3];
      // A scale letter right before a currency word would be odd ("5 m dollars"); keep only k/m/bn forms.
      const amount = scale(parseAmount(number ?? ''), mult);
      if (Number.isFinite(amount)) {
        candidates.push({ amount, currency: currencyOf(cur ?? '', timeZone), span: { start: m.index, end: m.index + m[0].length } });
      }
    }
  }
  if (candidates.length > 0) return candidates.sort((a, b) => a.span.start - b.span.start)[0];
  for (const re of allowBare ? [SCALED, BARE] : [SCALED]) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) {
      const amount = scale(parseAmount(m[1] ?? ''), re === SCALED ? m[2] : undefined);
      if (Number.isFinite(amount)) return { amount, span: { start: m.index, end: m.index + m[0].length } };
    }
  }
  return undefined;
}
