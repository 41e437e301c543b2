import { GrammyError, type Api } from 'grammy';
import type { Update } from './types.ts';
import type { Logger } from '../../src/core/engine/types.ts';
import { retryAfterMs } from './errors.ts';

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
/** Pause after a failed getUpdates (network, 5xx), in ms. */
const POLL_ERROR_PAUSE_MS = 3_000;

/** A running long-polling loop. */
export interface Poller {
  /** Ends the loop, waits for the batch in hand, then confirms it to Telegram. */
  stop(): Promise<void>;
}

/**
 * Long polling with at-least-once handling: a batch is confirmed to Telegram (by the next
 * getUpdates offset) only after `onBatch` finished it, so a crash re-delivers it and the engine
 * drops what it already handled. grammY's own `bot.start()` handles one update at a time; this
 * loop lets `onBatch` work on different chats in parallel.
 */
export function startPolling(deps: { api: Api; timeoutSeconds: number; onBatch: (updates: Update[]) => Promise<void>; log?: Logger }): Poller {
  const abort = new AbortController();
  // grammY types its signal parameter with the abort-controller polyfill; Node's own works the same.
  const signal = abort.signal as Parameters<Api['getUpdates']>[1];
  let running = true;
  let offset = 0;
  const loop = (async () => {
    while (running) {
      let updates: Update[];
      try {
        updates = await deps.api.getUpdates({ offset, timeout: deps.timeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] }, signal);
      } catch (error) {
        if (!running) break;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409)) {
          deps.log?.error(error.error_code === 409
            ? 'Telegram polling stopped: another program reads this bot\'s updates, or a webhook is set (409 Conflict)'
            : 'Telegram polling stopped: TELEGRAM_BOT_TOKEN was revoked (401 Unauthorized)');
          running = false;
          break;
        }
        deps.log?.error('Telegram getUpdates failed; retrying', { code: error instanceof GrammyError ? error.error_code : 'network' });
        await sleep(retryAfterMs(error) ?? POLL_ERROR_PAUSE_MS, abort.signal);
        continue;
      }
      const last = updates[updates.length - 1];
      if (!last) continue;
      try {
        await deps.onBatch(updates);
      } catch (error) {
        // Confirming the batch anyway: an update that always fails must not stall every later one.
        deps.log?.error('Telegram update batch failed', { error: error instanceof Error ? error.message : String(error) });
      }
      offset = last.update_id + 1;
    }
  })();
  return {
    async stop() {
      running = false;
      abort.abort();
      await loop;
      if (offset > 0) await deps.api.getUpdates({ offset, limit: 1, timeout: 0 }).catch(() => undefined);
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
