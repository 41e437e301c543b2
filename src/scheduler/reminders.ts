import { whenFormatter } from './local-time.ts';
import { reminderReply } from './messages.ts';
import { queueNew } from './queue.ts';
import { operatorChats } from './targets.ts';
import type { SweepDeps } from './types.ts';

/** Follow-ups read per page. */
const PAGE = 500;

/** The idempotency key of one reminder: a snoozed follow-up (new due time) is reminded again, a repeat sweep never. */
export function reminderKey(followUpId: number, dueAt: Date, who: string): string {
  return `reminder:${followUpId}:${dueAt.toISOString()}:${who}`;
}

/**
 * Queues a reminder for every open follow-up that is due, however long ago (a bot that was down
 * catches up on start), once per follow-up, due time and operator. Returns how many were queued.
 * With no operator chat known yet nothing is queued, and the reminder goes out once one is.
 */
export async function sweepReminders(now: Date, deps: SweepDeps): Promise<number> {
  const chats = await operatorChats({ ...deps, find: (a) => deps.store.findOperatorChats(a) });
  if (chats.length === 0) return 0;
  const settings = await deps.store.settings();
  const when = whenFormatter(settings.timeZone, now, settings.locale);
  let queued = 0;
  let afterId = 0;
  for (;;) {
    const due = await deps.store.listDueFollowUps(now, afterId, PAGE);
    if (due.length === 0) break;
    queued += await queueNew(deps.store, due.flatMap((f) => chats.map((c) => ({
      key: reminderKey(f.id, f.dueAt, c.who), platform: c.platform, chatId: c.chatId, kind: 'reminder' as const, notBefore: now,
      reply: () => reminderReply(f, now, when),
    }))));
    afterId = due[due.length - 1]!.id;
    if (due.length < PAGE) break;
  }
  return queued;
}
