/** JSON text that keeps Dates ({"$date": ISO}) and bytes ({"$bytes": base64}) recognisable. */
export function encodeJson(value: unknown): string {
  // A copy then a plain stringify: a replacer function takes JSON.stringify off its fast path (3x slower
  // on the audit rows every write stores).
  return JSON.stringify(tagged(value));
}

function tagged(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(tagged);
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = tagged((value as Record<string, unknown>)[key]);
  return copy;
}

/** A JSON row column (audit before/after) back to a record; null stays null. */
export function decodeRow(text: string | null): Record<string, unknown> | null {
  return text === null ? null : decodeJson<Record<string, unknown>>(text);
}

/** Reverses encodeJson. */
export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, v) => {
    if (!v || typeof v !== 'object' || Object.keys(v).length !== 1) return v;
    if (typeof v.$date === 'string') return new Date(v.$date);
    if (typeof v.$bytes === 'string') return new Uint8Array(Buffer.from(v.$bytes, 'base64'));
    return v;
  }) as T;
}
