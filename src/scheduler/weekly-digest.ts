import { npsOf } from '../analytics/nps.ts';
import { addDays } from '../core/time.ts';
import { risers } from './churn.ts';
import { latestWeeklySlot, localDayKey, localTimeOn } from './local-time.ts';
import { weeklyDigestReply, type WeeklyFigures } from './messages.ts';
import { WEEKLY_DIGEST_CATCH_UP_MS, WEEKLY_DIGEST_MIN, WEEKLY_DIGEST_WEEKDAY } from './plan.ts';
import { operatorChats } from './targets.ts';
import type { CustomerActivity, SweepDeps } from './types.ts';

/** NPS is taken over this many days (a week alone has too few answers to mean anything). */
const NPS_WINDOW_DAYS = 90;
const BUSIEST = 3;
const RISERS = 5;

function npsIn(activity: CustomerActivity[], from: Date, to: Date): { value: number | null; answers: number } {
  const scores = activity.flatMap((a) => a.npsAnswers).filter((n) => n.answeredAt > from && n.answeredAt <= to).map((n) => n.score);
  const r = npsOf(scores);
  return { value: r.nps, answers: r.answers };
}

/** The weekly digest's figures at `now`, for the week since `since`. */
export async function weeklyFigures(now: Date, since: Date, deps: Pick<SweepDeps, 'store'>): Promise<WeeklyFigures> {
  const activity = await deps.store.listCustomerActivity();
  const perCustomer = activity
    .map((a) => ({ name: a.name, count: a.interactions.filter((i) => i.at >= since && i.at <= now).length }))
    .filter((c) => c.count > 0)
    .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name));
  const overdue = (await deps.store.listOpenFollowUps({ before: now }, 0)).total;
  const dueThisWeek = (await deps.store.listOpenFollowUps({ from: now, before: addDays(now, 7) }, 0)).total;
  const weekAgo = addDays(now, -7);
  const current = npsIn(activity, addDays(now, -NPS_WINDOW_DAYS), now);
  const before = npsIn(activity, addDays(weekAgo, -NPS_WINDOW_DAYS), weekAgo);
  return {
    since,
    interactions: perCustomer.reduce((n, c) => n + c.count, 0),
    busiest: perCustomer.slice(0, BUSIEST),
    overdue,
    dueThisWeek,
    nps: { ...current, change: current.value !== null && before.value !== null ? current.value - before.value : null },
    risers: risers(activity, now).slice(0, RISERS),
  };
}

/**
 * The weekly digest (Mondays 08:00 in the workspace's zone): new interactions, due and overdue
 * follow-ups, NPS and its change, customers whose risk rose. Once per week; a bot that was down
 * sends it within a day of its time. Returns how many messages were queued.
 */
export async function sweepWeeklyDigest(now: Date, deps: SweepDeps): Promise<number> {
  const settings = await deps.store.settings();
  const zone = settings.timeZone;
  const slot = latestWeeklySlot(now, zone, WEEKLY_DIGEST_WEEKDAY, WEEKLY_DIGEST_MIN);
  if (now.getTime() - slot.getTime() > WEEKLY_DIGEST_CATCH_UP_MS) return 0;
  const chats = await operatorChats({ ...deps, find: (a) => deps.store.findOperatorChats(a) });
  if (chats.length === 0) return 0;
  const keys = chats.map((c) => `digest:weekly:${localDayKey(slot, zone)}:${c.who}`);
  const existing = await deps.store.existingKeys(keys);
  if (keys.every((k) => existing.has(k))) return 0;
  const figures = await weeklyFigures(now, localTimeOn(slot, zone, -7, WEEKLY_DIGEST_MIN), deps);
  // A week with nothing at all to report is not worth a message.
  if (figures.interactions === 0 && figures.overdue === 0 && figures.dueThisWeek === 0 && figures.nps.answers === 0) return 0;
  const reply = weeklyDigestReply(figures, now, zone, settings.locale);
  return deps.store.enqueue(chats.map((c, i) => ({ key: keys[i]!, platform: c.platform, chatId: c.chatId, kind: 'digest' as const, reply, notBefore: now })));
}
