import type { OutgoingMessage } from '../core/outbox.ts';
import type { Reply } from '../core/reply.ts';
import type { SchedulerStore } from './types.ts';

/** An outgoing message whose reply is only built if its key is new (a sweep sees the same due items again and again). */
export interface Draft extends Omit<OutgoingMessage, 'reply'> {
  reply(): Reply;
}

/** Queues the drafts whose keys are not queued yet; returns how many were queued. */
export async function queueNew(store: Pick<SchedulerStore, 'existingKeys' | 'enqueue'>, drafts: Draft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const existing = await store.existingKeys(drafts.map((d) => d.key));
  const fresh = drafts.filter((d) => !existing.has(d.key)).map(({ reply, ...m }): OutgoingMessage => ({ ...m, reply: reply() }));
  return fresh.length ? store.enqueue(fresh) : 0;
}
