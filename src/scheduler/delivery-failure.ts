import type { ClaimedMessage } from '../core/outbox.ts';
import { reply } from '../core/reply.ts';
import { operatorChats } from './targets.ts';
import type { OperatorAccount, SchedulerStore } from './types.ts';

/**
 * Tells the operators about a message that could not be delivered after every retry (it stays in
 * the outbox as failed). Alerts about alerts are not sent, so a dead channel cannot loop.
 */
export function createDeliveryFailureAlert(deps: {
  store: Pick<SchedulerStore, 'findOperatorChats' | 'enqueue'>;
  operators: OperatorAccount[];
  platforms: Iterable<string>;
  /** The injected clock: the alert is due now, as the delivery loop counts time. */
  now: () => Date;
}): (message: ClaimedMessage, error: string) => Promise<void> {
  const platforms = new Set(deps.platforms);
  return async (message, error) => {
    if (message.kind === 'alert') return;
    const chats = await operatorChats({ operators: deps.operators, platforms, find: (a) => deps.store.findOperatorChats(a) });
    const text = `I could not deliver a ${message.kind} on ${message.platform} after ${message.attempts} attempts (${error}). It is kept as failed message #${message.id}.`;
    await deps.store.enqueue(chats.map((c) => ({
      key: `delivery-failed:${message.id}:${c.who}`, platform: c.platform, chatId: c.chatId, kind: 'alert' as const,
      reply: reply('error', text, { title: 'Delivery failed' }), notBefore: deps.now(),
    })));
  };
}
