import type { InboundMessage, Platform } from './message.ts';
import type { Reply } from './reply.ts';

/** Where a reply goes: a chat and, optionally, a thread in it. */
export interface Target {
  chatId: string;
  threadId?: string;
}

/** Called by a channel for each inbound message; resolves when the message is handled. */
export type InboundHandler = (message: InboundMessage) => Promise<void>;

/**
 * A chat platform as the core sees it. Adapters translate; they never decide.
 * `send` throws ChannelError so the outbox can retry the right way.
 */
export interface Channel {
  readonly platform: Platform;
  start(onMessage: InboundHandler): Promise<void>;
  stop(): Promise<void>;
  send(target: Target, reply: Reply): Promise<void>;
}

/** A platform refused or failed a send; says whether and when to try again. */
export class ChannelError extends Error {
  constructor(
    message: string,
    /** 'rate_limited' honours retryAfterMs; 'unavailable' (5xx, network) retries with backoff; 'rejected' never retries. */
    readonly kind: 'rate_limited' | 'unavailable' | 'rejected',
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}
