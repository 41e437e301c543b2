import type { Reply } from './reply.ts';

/** Longest error text kept with a message (errors never carry tokens or message text). */
export const MAX_ERROR_LENGTH = 500;

/** Kinds of outgoing message. */
export type OutgoingKind = 'reply' | 'reminder' | 'survey' | 'alert' | 'digest';

/** A message waiting in the outbox. The idempotency key makes a second enqueue a no-op. */
export interface OutgoingMessage {
  key: string;
  platform: string;
  chatId: string;
  threadId?: string;
  kind: OutgoingKind;
  reply: Reply;
  /** Not delivered before this instant (quiet hours, retries). */
  notBefore: Date;
}

/** A message claimed by one deliverer until its lease ends. */
export interface ClaimedMessage extends OutgoingMessage {
  id: number;
  /** Delivery attempts so far, this one included. */
  attempts: number;
}

/** A message that finally failed, shown to the operator. */
export interface FailedMessage {
  id: number;
  platform: string;
  kind: OutgoingKind;
  lastError: string | null;
  createdAt: Date;
}

/** Durable outgoing messages with atomic claims: two instances never hold the same message. */
export interface OutboxStore {
  /** Stores a message; false when its key was already queued. */
  enqueue(message: OutgoingMessage): Promise<boolean>;
  /** Claims up to `limit` due messages (pending, or sending with an expired lease) for `leaseMs`. */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedMessage[]>;
  /**
   * Marks delivered messages, in one statement (a sweep's worth at a time). `soon`: the mark may
   * wait a moment to be stored with other writes; a crash before that resends after the lease.
   */
  markSent(ids: readonly number[], at: Date, options?: { soon?: boolean }): Promise<void>;
  /** Puts a claimed message back for a later attempt. */
  reschedule(id: number, notBefore: Date, error: string): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  listFailed(limit: number): Promise<FailedMessage[]>;
}
