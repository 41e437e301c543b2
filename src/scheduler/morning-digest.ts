import { latestDailySlot, localDayKey, localTimeOn } from './local-time.ts';
import { morningDigestReply } from './messages.ts';
import { MORNING_DIGEST_CATCH_UP_MS, MORNING_DIGEST_MIN } from './plan.ts';
import { operatorChats } from './targets.ts';
import type { SweepDeps } from './types.ts';

/** Overdue follow-ups listed before the rest is only counted. */
const OVERDUE_LIMIT = 15;
const TODAY_LIMIT = 15;

/**
 * The morning digest (08:00 in the workspace's zone): overdue follow-ups and today's. Sent once
 * per local day; a bot that starts later that morning sends it then; nothing when nothing is due.
 * Returns how many messages were queued.
 */
export async function sweepMorningDigest(now: Date, deps: SweepDeps): Promise<number> {
  const settings = await deps.store.settings();
  const zone = settings.timeZone;
  const slot = latestDailySlot(now, zone, MORNING_DIGEST_MIN);
  if (now.getTime() - slot.getTime() > MORNING_DIGEST_CATCH_UP_MS) return 0;
  const chats = await operatorChats({ ...deps, find: (a) => deps.store.findOperatorChats(a) });
  if (chats.length === 0) return 0;
  const day = localDayKey(slot, zone);
  const keys = chats.map((c) => `digest:morning:${day}:${c.who}`);
  const existing = await deps.store.existingKeys(keys);
  if (keys.every((k) => existing.has(k))) return 0;
  const overdue = await deps.store.listOpenFollowUps({ before: now }, OVERDUE_LIMIT);
  const today = await deps.store.listOpenFollowUps({ from: now, before: localTimeOn(now, zone, 1, 0) }, TODAY_LIMIT);
  if (overdue.total === 0 && today.total === 0) return 0;
  const reply = morningDigestReply(overdue, today, now, zone, settings.locale);
  return deps.store.enqueue(chats.map((c, i) => ({ key: keys[i]!, platform: c.platform, chatId: c.chatId, kind: 'digest' as const, reply, notBefore: now })));
}
