import { ChannelError, type Channel } from './channel.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './engine/types.ts';
import type { ClaimedMessage, OutboxStore } from './outbox.ts';

/** Settings of the deliverer; each states its unit. */
export interface DeliveryOptions {
  /** How long a claim lasts; a crash mid-send leads to a resend after it. Default 60 s. */
  leaseMs?: number;
  /** Attempts before a message is kept as failed. Default 8. */
  maxAttempts?: number;
  /** Messages claimed per sweep. Default 50. */
  batchSize?: number;
  /** First retry delay after a 5xx or network error, doubled each attempt. Default 1 s. */
  backoffBaseMs?: number;
  /** Longest retry delay. Default 5 min. */
  backoffMaxMs?: number;
}

/** Sends what the outbox holds, through the channels, with retries; nothing is dropped silently. */
export interface Delivery {
  /** How long its claims last, in ms: replies queued already claimed take the same lease. */
  readonly leaseMs: number;
  /** One sweep: claims due messages and tries each once. Returns how many were sent. */
  deliverDue(): Promise<number>;
  /** Tries messages the caller already claimed (replies queued claimed); how many were sent. */
  sendClaimed(messages: readonly ClaimedMessage[]): Promise<number>;
  /** Runs sweeps until nothing is due (used after a reply is queued). */
  drain(): Promise<number>;
}

/** Builds the deliverer over an outbox and the started channels. */
export function createDelivery(deps: {
  outbox: OutboxStore;
  channels: ReadonlyMap<string, Channel>;
  clock: Clock;
  log?: Logger;
  /** Told about a message that finally failed, so the operator sees it. */
  onFailed?: (message: ClaimedMessage, error: string) => Promise<void>;
  options?: DeliveryOptions;
}): Delivery {
  const o = { leaseMs: 60_000, maxAttempts: 8, batchSize: 50, backoffBaseMs: 1_000, backoffMaxMs: 300_000, ...deps.options };

  /** Sends one claimed message; true when it went out (the caller marks it sent). */
  async function attempt(m: ClaimedMessage): Promise<boolean> {
    const channel = deps.channels.get(m.platform);
    const now = deps.clock.now();
    if (!channel) {
      await deps.outbox.reschedule(m.id, new Date(now.getTime() + o.backoffMaxMs), `channel ${m.platform} is not running`);
      return false;
    }
    try {
      await channel.send({ chatId: m.chatId, threadId: m.threadId }, m.reply);
      return true;
    } catch (error) {
      const e = error instanceof ChannelError ? error : new ChannelError(error instanceof Error ? error.message : String(error), 'unavailable');
      if (e.kind === 'rejected' || m.attempts >= o.maxAttempts) {
        await deps.outbox.markFailed(m.id, e.message);
        deps.log?.error('outgoing message failed for good', { platform: m.platform, kind: m.kind, attempts: m.attempts, error: e.message });
        await deps.onFailed?.(m, e.message);
        return false;
      }
      const delayMs = e.kind === 'rate_limited' && e.retryAfterMs !== undefined
        ? e.retryAfterMs
        : Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** (m.attempts - 1));
      await deps.outbox.reschedule(m.id, new Date(deps.clock.now().getTime() + delayMs), e.message);
      return false;
    }
  }

  // Replies handed over by different commands, and sweeps, may send to one chat at the same time:
  // each chat's sends wait for the ones before them, so the chat reads them in order.
  const chains = new Map<string, Promise<void>>();
  function inChatOrder(chat: string, work: () => Promise<void>): Promise<void> {
    const run = (chains.get(chat) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    chains.set(chat, tail);
    void tail.then(() => {
      if (chains.get(chat) === tail) chains.delete(chat);
    });
    return run;
  }

  async function deliverDue(): Promise<number> {
    return sendAll(await deps.outbox.claimDue(deps.clock.now(), o.batchSize, o.leaseMs), false);
  }

  /** Sends claimed messages; `soon` lets their "sent" mark wait to share a later commit. */
  async function sendAll(claimed: readonly ClaimedMessage[], soon: boolean): Promise<number> {
    if (claimed.length === 0) return 0;
    // Messages to one chat keep their order; different chats go in parallel.
    const byChat = new Map<string, ClaimedMessage[]>();
    for (const m of claimed) byChat.set(`${m.platform}:${m.chatId}`, [...(byChat.get(`${m.platform}:${m.chatId}`) ?? []), m]);
    const sent: number[] = [];
    await Promise.all([...byChat].map(([chat, queue]) => inChatOrder(chat, async () => {
      for (const m of queue) if (await attempt(m)) sent.push(m.id);
    })));
    // One commit per sweep rather than per message: a crash before it resends at most this sweep's
    // messages after their lease, and never loses one.
    await deps.outbox.markSent(sent, deps.clock.now(), { soon });
    return sent.length;
  }

  let draining: Promise<number> | null = null;
  let again = false;
  async function drainLoop(): Promise<number> {
    let total = 0;
    do {
      again = false;
      for (;;) {
        const claimedBefore = total;
        total += await deliverDue();
        if (total === claimedBefore) break;
      }
    } while (again);
    return total;
  }

  return {
    leaseMs: o.leaseMs,
    deliverDue,
    // Nobody waits for the "sent" marks of replies handed over at commit: they ride along with later commits.
    sendClaimed: (claimed) => sendAll(claimed, true),
    drain() {
      // A drain already running picks up what was queued since.
      if (draining) {
        again = true;
        return draining;
      }
      draining = drainLoop().finally(() => { draining = null; });
      return draining;
    },
  };
}
