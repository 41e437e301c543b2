import { churnRisk, type ChurnRisk } from '../analytics/churn-risk.ts';
import { addDays, daysBetween } from '../core/time.ts';
import { localDayKey } from './local-time.ts';
import { churnAlertReply } from './messages.ts';
import { CHURN_REPEAT_AFTER_DAYS, CHURN_RISE_MARGIN } from './plan.ts';
import { operatorChats } from './targets.ts';
import type { CustomerActivity, LastRiskAlert, SweepDeps } from './types.ts';

/** A customer's churn risk as it stood at `at` (only what was known by then counts). */
export function riskAt(a: CustomerActivity, at: Date): ChurnRisk {
  const t = at.getTime();
  const seen = a.interactions.filter((i) => i.at.getTime() <= t);
  return churnRisk({
    interactionDates: seen.map((i) => i.at),
    npsAnswers: a.npsAnswers.filter((n) => n.answeredAt.getTime() <= t),
    sentiments: seen.filter((i) => i.sentiment !== null).map((i) => ({ score: i.sentiment!, at: i.at })),
    openTickets: a.openTickets,
    openDeals: a.openDeals,
  }, at);
}

/** True when a customer with this risk should be alerted about: over the threshold, and new, clearly worse, or not mentioned for 14 days. */
export function shouldAlert(risk: number, threshold: number, last: LastRiskAlert | undefined, now: Date): boolean {
  if (risk < threshold) return false;
  if (!last) return true;
  return risk >= last.risk + CHURN_RISE_MARGIN || daysBetween(last.sentAt, now) >= CHURN_REPEAT_AFTER_DAYS;
}

/** A customer we have a relationship with: something was logged or bought. */
function tracked(a: CustomerActivity): boolean {
  return a.interactions.length > 0 || a.purchases > 0;
}

/**
 * The daily churn-risk check: alerts the operator about each customer whose risk crossed the
 * workspace's threshold, with reasons and a next step, and records a RiskAlert. Safe to run twice
 * a day or on two instances. Returns how many customers were alerted about.
 */
export async function sweepChurnRisk(now: Date, deps: SweepDeps): Promise<number> {
  const chats = await operatorChats({ ...deps, find: (a) => deps.store.findOperatorChats(a) });
  if (chats.length === 0) return 0;
  const settings = await deps.store.settings();
  const [activity, lastAlerts] = await Promise.all([deps.store.listCustomerActivity(), deps.store.lastRiskAlerts()]);
  const day = localDayKey(now, settings.timeZone);
  let alerted = 0;
  for (const a of activity.filter(tracked)) {
    const r = riskAt(a, now);
    const last = lastAlerts.get(a.customerId);
    if (!shouldAlert(r.risk, settings.churnAlertThreshold, last, now)) continue;
    const reply = churnAlertReply({ customerName: a.name, risk: r.risk, previousRisk: last && r.risk > last.risk ? last.risk : undefined, reasons: r.reasons, nextStep: r.nextStep });
    const recorded = await deps.store.recordRiskAlert(
      { customerId: a.customerId, risk: r.risk, reasons: r.reasons, sentAt: now },
      chats.map((c) => ({ key: `churn:${a.customerId}:${day}:${c.who}`, platform: c.platform, chatId: c.chatId, kind: 'alert' as const, reply, notBefore: now })),
    );
    if (recorded) alerted += 1;
  }
  return alerted;
}

/** Customers whose risk rose by at least the alert margin over the week before `now`, worst rise first. */
export function risers(activity: CustomerActivity[], now: Date): { name: string; from: number; to: number }[] {
  const weekAgo = addDays(now, -7);
  // A customer we knew nothing about a week ago did not "rise", it is new.
  return activity.filter((a) => a.interactions.some((i) => i.at.getTime() <= weekAgo.getTime()))
    .map((a) => ({ name: a.name, from: riskAt(a, weekAgo).risk, to: riskAt(a, now).risk }))
    .filter((r) => r.to - r.from >= CHURN_RISE_MARGIN)
    .sort((x, y) => (y.to - y.from) - (x.to - x.from));
}
