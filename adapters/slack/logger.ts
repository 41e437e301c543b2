import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/core/engine/types.ts';

/** Longest SDK log line passed on; the SDK's messages are short, anything longer is a dumped payload. */
const MAX_LOG_CHARS = 300;

function describe(parts: unknown[]): string {
  const line = parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : '')).filter(Boolean).join(' ');
  return line.length > MAX_LOG_CHARS ? `${line.slice(0, MAX_LOG_CHARS)}…` : line;
}

/**
 * The SDK's logger interface on our Logger. Debug and info lines are dropped: at those levels
 * the SDK prints request bodies (message text). Warnings and errors keep only their text.
 */
export function boltLogger(log: Logger | undefined): BoltLogger {
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts: unknown[]) => log?.info('slack sdk warning', { detail: describe(parts) }),
    error: (...parts: unknown[]) => log?.error('slack sdk error', { detail: describe(parts) }),
    setLevel: () => {},
    getLevel: () => LogLevel.WARN,
    setName: () => {},
  };
}
