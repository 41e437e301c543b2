import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';

/** Normalises a name for exact lookups: lower case, letters and digits only, single spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Legal-form words that do not tell two companies apart. */
const LEGAL_SUFFIXES = new Set(['inc', 'corp', 'corporation', 'co', 'company', 'ltd', 'llc', 'gmbh', 'sa', 'sas', 'bv', 'plc', 'ag', 'limited']);

function core(key: string): string {
  const words = key.split(' ');
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** How alike two names are, 0..1: 1 for the same key, high for a typo or a dropped legal suffix. */
export function nameSimilarity(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (!ka || !kb) return 0;
  if (ka === kb) return 1;
  if (core(ka) === core(kb)) return 0.97;
  const jw = JaroWinklerDistance(ka, kb, { ignoreCase: true });
  // "acme" inside "acme labs": a plausible match, but never as strong as the exact name.
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  const containment = long.split(' ').includes(short) || long.startsWith(`${short} `) ? 0.9 : 0;
  return Math.max(jw, containment);
}

/** Scored candidates, best first. */
export interface Match<T> {
  item: T;
  score: number;
}

/** Candidates whose name is at least `threshold` alike, best first. */
export function rankByName<T>(query: string, items: readonly T[], nameOf: (t: T) => string, threshold: number): Match<T>[] {
  return items
    .map((item) => ({ item, score: nameSimilarity(query, nameOf(item)) }))
    .filter((m) => m.score >= threshold)
    .sort((x, y) => y.score - x.score);
}

/** "Jane at Acme", or just "Tanvi Desai" when the customer is that person. */
export function personAt(person: string, customer: string): string {
  return nameKey(person) === nameKey(customer) ? customer : `${person} at ${customer}`;
}
