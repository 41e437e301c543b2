/** JSON text that keeps Dates recognisable ({"$date": ISO}), for audit rows and pending questions. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
}

/** Reverses encodeJson. */
export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, v) =>
    v && typeof v === 'object' && typeof v.$date === 'string' && Object.keys(v).length === 1 ? new Date(v.$date) : v,
  ) as T;
}
