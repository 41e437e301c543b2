/** JSON text that keeps Dates ({"$date": ISO}) and bytes ({"$bytes": base64}) recognisable. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key, v) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString('base64') };
    return v;
  });
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
