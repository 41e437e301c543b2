import { addDays } from '../core/time.ts';
import { startOfLocalDay } from './local-time.ts';
import { surveyBlockedReply, surveyReminderReply, surveyReply } from './messages.ts';
import { SURVEY_REMINDER_AFTER_DAYS, SURVEY_REMINDER_UNTIL_DAYS } from './plan.ts';
import { isQuietFor, minGapReason, nextSurveyDue, withinMinGap } from './survey-rules.ts';
import { operatorChats } from './targets.ts';
import type { OperatorChat, ScheduleSettings, SurveyTx, SweepDeps } from './types.ts';

/** Rows one sweep handles per step; the next sweep (a minute later) takes the rest. */
const BATCH = 500;

/** What one survey sweep did. */
export interface SurveySweepResult {
  /** Surveys queued (asked-for and by the cadence). */
  sent: number;
  reminded: number;
  /** Asked-for surveys a rule stopped (the operator was told). */
  blocked: number;
}

type Step = (tx: SurveyTx, s: ScheduleSettings, now: Date, result: SurveySweepResult) => Promise<void>;

/** Surveys the operator asked for: sent promptly unless paused or quiet hours (they wait) or the no-repeat window (they are dropped, and the operator told). */
function sendAskedFor(chats: OperatorChat[]): Step {
  return async (tx, s, now, result) => {
    const handled = new Set<number>();
    for (const sv of await tx.listScheduledSurveys(BATCH)) {
      // Asking twice for one person queues one survey.
      if (handled.has(sv.contactId)) {
        await tx.expireSurvey(sv.id);
        continue;
      }
      handled.add(sv.contactId);
      const why = !sv.chat
        ? `the bot has no chat with ${sv.contactName} (they need to write to the bot once, or open their invite link).`
        : sv.lastSentAt && withinMinGap(sv.lastSentAt, now, s) ? minGapReason(sv.contactName, sv.lastSentAt, now, s, s.locale) : null;
      if (why) {
        await tx.expireSurvey(sv.id);
        for (const c of chats) {
          await tx.enqueue({ key: `survey-blocked:${sv.id}:${c.who}`, platform: c.platform, chatId: c.chatId, kind: 'alert', reply: surveyBlockedReply(sv.contactName, sv.customerName, why), notBefore: now });
        }
        result.blocked += 1;
        continue;
      }
      if (s.surveysPaused || isQuietFor(now, sv.timeZone, s)) continue;
      await tx.enqueue({ key: `survey:${sv.id}`, platform: sv.chat!.platform, chatId: sv.chat!.chatId, kind: 'survey', reply: surveyReply(sv.contactName, s.businessName), notBefore: now });
      await tx.markSurveySent(sv.id, now);
      result.sent += 1;
    }
  };
}

/** The cadence: contacts due (first purchase + N days, then every M), oldest due first, within the day's cap. */
const sendByCadence: Step = async (tx, s, now, result) => {
  let room = s.surveyDailyCap - (await tx.countSurveysSentSince(startOfLocalDay(now, s.timeZone)));
  if (room <= 0) return;
  const due = (await tx.listSurveyCandidates())
    .map((c) => ({ c, dueAt: nextSurveyDue(c, s) }))
    .filter((x): x is typeof x & { dueAt: Date } => x.dueAt !== null && x.dueAt.getTime() <= now.getTime())
    .sort((x, y) => x.dueAt.getTime() - y.dueAt.getTime() || x.c.contactId - y.c.contactId);
  for (const { c, dueAt } of due) {
    if (room <= 0) break;
    if (withinMinGap(c.lastSentAt, now, s) || isQuietFor(now, c.timeZone, s)) continue;
    // The key names the cycle, so two instances deciding at once queue one survey.
    const queued = await tx.enqueue({ key: `survey:auto:${c.contactId}:${dueAt.toISOString()}`, platform: c.chat.platform, chatId: c.chat.chatId, kind: 'survey', reply: surveyReply(c.contactName, s.businessName), notBefore: now });
    if (!queued) continue;
    await tx.createSentSurvey({ customerId: c.customerId, contactId: c.contactId, platform: c.chat.platform }, now);
    room -= 1;
    result.sent += 1;
  }
};

/** One reminder, at most, for a survey unanswered after a few days. */
const remindUnanswered: Step = async (tx, s, now, result) => {
  const rows = await tx.listUnremindedSurveys(addDays(now, -SURVEY_REMINDER_UNTIL_DAYS), addDays(now, -SURVEY_REMINDER_AFTER_DAYS), BATCH);
  for (const sv of rows) {
    if (!sv.chat || isQuietFor(now, sv.timeZone, s)) continue;
    await tx.enqueue({ key: `survey-reminder:${sv.id}`, platform: sv.chat.platform, chatId: sv.chat.chatId, kind: 'survey', reply: surveyReminderReply(sv.contactName, s.businessName), notBefore: now });
    await tx.markSurveyReminded(sv.id, now);
    result.reminded += 1;
  }
};

/**
 * The survey sweep, in one transaction that other instances wait for (so the daily cap holds):
 * asked-for surveys first, then the cadence, then reminders. Paused surveys send nothing; quiet
 * hours (the contact's zone, else the customer's, else the workspace's) delay, never drop.
 */
export async function sweepSurveys(now: Date, deps: SweepDeps): Promise<SurveySweepResult> {
  const chats = await operatorChats({ ...deps, find: (a) => deps.store.findOperatorChats(a) });
  return deps.store.surveys(async (tx) => {
    const s = await tx.settings();
    const result: SurveySweepResult = { sent: 0, reminded: 0, blocked: 0 };
    const steps: Step[] = s.surveysPaused ? [sendAskedFor(chats)] : [sendAskedFor(chats), sendByCadence, remindUnanswered];
    for (const step of steps) await step(tx, s, now, result);
    return result;
  });
}
