import type { CommandOf } from '../command.ts';
import type { Workspace } from '../domain.ts';
import { resolveCustomer } from '../engine/resolve.ts';
import type { UseCase } from '../engine/types.ts';
import { reply } from '../reply.ts';
import { formatWhen } from '../time.ts';
import { dateFormat } from '../zone.ts';
import {
  CHURN_CHECK_MIN, MORNING_DIGEST_MIN, SURVEY_REMINDER_AFTER_DAYS, WEEKLY_DIGEST_MIN, WEEKLY_DIGEST_WEEKDAY,
} from '../../scheduler/plan.ts';
import { isQuietFor, minGapReason, quietEndFor, recipientZone, withinMinGap } from '../../scheduler/survey-rules.ts';
import { confirmed, refuse } from './customers.ts';

const NEXT_REMINDERS = 5;
const WEEKDAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

/** "8:00 AM" for a number of minutes after midnight. */
function clockTime(minuteOfDay: number, locale: string): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2000, 0, 1, Math.floor(minuteOfDay / 60), minuteOfDay % 60)));
}

function surveyRules(w: Workspace): string {
  if (w.surveysPaused) return 'paused (say “resume surveys”)';
  return `first ${w.surveyFirstAfterDays} days after a customer's first purchase, then every ${w.surveyEveryDays} days; `
    + `never two to one person within ${w.surveyMinGapDays} days; at most ${w.surveyDailyCap} a day; `
    + `one reminder after ${SURVEY_REMINDER_AFTER_DAYS} days without an answer`;
}

/** "What's scheduled?": the next reminders and when each kind of proactive message goes out. */
export const scheduleReport: UseCase<CommandOf<'schedule_report'>> = async (_cmd, ctx) => {
  const w = ctx.workspace;
  const next = await ctx.tx.listOpenFollowUps({ limit: NEXT_REMINDERS });
  const at = (min: number) => clockTime(min, w.locale);
  return {
    reply: reply('info', next.length ? 'Next reminders:' : 'No reminders scheduled.', {
      title: 'Schedule',
      items: next.map((f) => `${f.dueAt < ctx.now ? 'OVERDUE ' : ''}${formatWhen(f.dueAt, w.timeZone, ctx.now, w.locale)}: ${f.title}`),
      fields: [
        { label: 'Morning digest', value: `daily at ${at(MORNING_DIGEST_MIN)}: overdue and today's follow-ups` },
        { label: 'Weekly digest', value: `${WEEKDAYS[WEEKLY_DIGEST_WEEKDAY]} at ${at(WEEKLY_DIGEST_MIN)}` },
        { label: 'Churn check', value: `daily at ${at(CHURN_CHECK_MIN)}; alerts at risk ${w.churnAlertThreshold}/100 or more` },
        { label: 'Surveys', value: surveyRules(w) },
        { label: 'Quiet hours', value: `${at(w.quietHoursStartMin)} to ${at(w.quietHoursEndMin)} in each contact's time zone (else ${w.timeZone})` },
        { label: 'Time zone', value: w.timeZone },
      ],
    }),
  };
};

/**
 * "Send the NPS survey to Acme": queues a survey for each linked contact, checking the rules now
 * so the operator hears at once what will happen (sent within a minute, after quiet hours, when
 * surveys resume, or not at all because of the no-repeat window). The scheduler sends it.
 */
export const sendSurvey: UseCase<CommandOf<'send_survey'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
  if (!found.ok) return found.outcome;
  const customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  const w = ctx.workspace;
  const linked = await ctx.tx.reachableContacts(customer.id);
  const seen = new Set<number>();
  const reachable = linked.filter((r) => r.chatId !== null && !seen.has(r.contactId) && seen.add(r.contactId));
  const silent = [...new Set(linked.filter((r) => r.chatId === null && !seen.has(r.contactId)).map((r) => r.contactName))];
  const waitingForHello = silent.length ? ` ${silent.join(', ')} ${silent.length === 1 ? 'has' : 'have'} not written to the bot yet, so I cannot reach them.` : '';
  if (reachable.length === 0) {
    return refuse(linked.length
      ? `No contact at ${customer.name} can be reached yet.${waitingForHello}`
      : `No contact at ${customer.name} is linked to a chat yet. Link one: “link @user to Jane at ${customer.name}” (Slack, Discord) or “invite link for Jane at ${customer.name}” (Telegram).`);
  }
  const queued: string[] = [];
  const blocked: string[] = [];
  for (const r of reachable) {
    const last = await ctx.tx.latestSurvey(r.contactId);
    const lastSentAt = last ? (await ctx.tx.get('Survey', last.id))?.sentAt ?? null : null;
    if (lastSentAt && withinMinGap(lastSentAt, ctx.now, w)) {
      blocked.push(minGapReason(r.contactName, lastSentAt, ctx.now, w, w.locale));
      continue;
    }
    const zone = (await ctx.tx.get('Contact', r.contactId))?.timeZone ?? customer.timeZone;
    await ctx.tx.create('Survey', { customerId: customer.id, contactId: r.contactId, platform: r.platform, status: 'scheduled' });
    const when = isQuietFor(ctx.now, zone, w)
      ? `after quiet hours, ${formatWhen(quietEndFor(ctx.now, zone, w), recipientZone(zone, w), ctx.now, w.locale)} their time`
      : 'within a minute';
    queued.push(`${r.contactName} (${r.platform}) ${w.surveysPaused ? 'once surveys resume' : when}`);
  }
  const notSent = blocked.length ? ` Not sent: ${blocked.join(' ')}` : '';
  if (queued.length === 0) return refuse(`Not sent: ${blocked.join(' ')}${waitingForHello}`);
  const paused = w.surveysPaused ? ' Surveys are paused: say “resume surveys” to let it go out.' : '';
  return confirmed(`NPS survey queued for ${queued.join('; ')}.${paused}${notSent}${waitingForHello}`);
};
