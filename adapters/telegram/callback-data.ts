import { createHash } from 'node:crypto';

/** Telegram's limit for a button's callback_data, in bytes. */
export const CALLBACK_DATA_LIMIT_BYTES = 64;
/** Long values remembered at most; the oldest are forgotten first. */
const DEFAULT_CAPACITY = 10_000;
/** Marks callback data that stands for a longer value; values starting with it are always mapped. */
const KEY_PREFIX = '~';

/**
 * Keeps choice values within Telegram's 64-byte callback_data. Short values travel as they are;
 * a longer one is replaced by a key derived from its hash and remembered in memory, so a press
 * after a restart comes back as the unknown key and the engine answers that the button expired.
 */
export class CallbackData {
  private readonly long = new Map<string, string>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** The callback_data to put on a button for this choice value. */
  encode(value: string): string {
    if (Buffer.byteLength(value, 'utf8') <= CALLBACK_DATA_LIMIT_BYTES && !value.startsWith(KEY_PREFIX)) return value;
    const key = `${KEY_PREFIX}${createHash('sha256').update(value).digest('base64url').slice(0, 32)}`;
    this.long.delete(key);
    this.long.set(key, value);
    if (this.long.size > this.capacity) this.long.delete(this.long.keys().next().value!);
    return key;
  }

  /** The choice value a pressed button's callback_data stands for. */
  decode(data: string): string {
    return this.long.get(data) ?? data;
  }
}
