import { reply, type Reply } from '../core/reply.ts';
import { formatDay } from '../core/time.ts';
import { followUpButtons } from '../core/use-cases/follow-ups.ts';
import { whenFormatter } from './local-time.ts';
import type { DueFollowUp } from './types.ts';

/** A reminder this late (the bot was down) says when it was due. */
const LATE_NOTE_AFTER_MS = 5 * 60_000;

function withCustomer(f: DueFollowUp): string {
  return f.customerName && !f.title.includes(f.customerName) ? `${f.title} (${f.customerName})` : f.title;
}

/** The reminder of one follow-up, with Done and Snooze buttons; `when` formats the due time (whenFormatter). */
export function reminderReply(f: DueFollowUp, now: Date, when: (at: Date) => string): Reply {
  const late = now.getTime() - f.dueAt.getTime() > LATE_NOTE_AFTER_MS;
  return reply('info', `Reminder: ${withCustomer(f)}`, {
    fields: [{ label: late ? 'Was due' : 'Due', value: when(f.dueAt) }],
    choices: followUpButtons(f.id),
  });
}

/** The morning digest: what is overdue and what is due today (each list holds the first few of `total`). */
export function morningDigestReply(
  overdue: { rows: DueFollowUp[]; total: number }, today: { rows: DueFollowUp[]; total: number }, now: Date, timeZone: string, locale: string,
): Reply {
  const when = whenFormatter(timeZone, now, locale);
  const line = (f: DueFollowUp) => `${when(f.dueAt)}: ${withCustomer(f)}`;
  const more = (list: { rows: DueFollowUp[]; total: number }, what: string) => (list.total > list.rows.length ? [`…and ${list.total - list.rows.length} more ${what}`] : []);
  const items = [...overdue.rows.map((f) => `OVERDUE ${line(f)}`), ...more(overdue, 'overdue'), ...today.rows.map(line), ...more(today, 'due today')];
  const parts = [overdue.total ? `${overdue.total} overdue` : '', today.total ? `${today.total} due today` : ''].filter(Boolean);
  const only = overdue.total + today.total === 1 ? (overdue.rows[0] ?? today.rows[0]) : undefined;
  return reply('info', `Good morning! Follow-ups: ${parts.join(', ')}.`, {
    title: 'Morning digest', items, ...(only ? { choices: followUpButtons(only.id) } : {}),
  });
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The NPS question to a customer's contact; answered in the same chat with a number. */
export function surveyReply(contactName: string, businessName: string): Reply {
  return reply('question', `Hi ${firstName(contactName)}! How likely are you to recommend ${businessName} to a friend or colleague?\n`
    + 'Reply with a number from 0 (not at all likely) to 10 (extremely likely), and a few words on why if you like.');
}

/** The one reminder of an unanswered survey. */
export function surveyReminderReply(contactName: string, businessName: string): Reply {
  return reply('question', `Hi ${firstName(contactName)}, a quick reminder: how likely are you to recommend ${businessName} to a friend or colleague?\n`
    + 'Just reply with a number from 0 to 10; a comment is welcome too.');
}

/** Tells the operator why an asked-for survey was not sent. */
export function surveyBlockedReply(contactName: string, customerName: string, why: string): Reply {
  return reply('info', `The NPS survey to ${contactName} (${customerName}) was not sent: ${why}`, { title: 'Survey not sent' });
}

/** The operator's alert about a detractor (0-6), with the comment. */
export function detractorReply(a: { contactName: string; customerName: string; score: number; comment: string | null }): Reply {
  return reply('info', `${a.contactName} at ${a.customerName} answered the NPS survey with ${a.score}/10.`, {
    title: 'Detractor alert',
    fields: [
      ...(a.comment ? [{ label: 'Comment', value: a.comment }] : []),
      { label: 'Next step', value: `Call ${a.contactName} today: ask what went wrong and what would fix it.` },
    ],
  });
}

/** The operator's churn-risk alert: score, reasons, and one next step. */
export function churnAlertReply(a: { customerName: string; risk: number; previousRisk?: number; reasons: string[]; nextStep: string }): Reply {
  const rise = a.previousRisk !== undefined ? ` (up from ${a.previousRisk})` : '';
  return reply('info', `${a.customerName} is at risk of churning: ${a.risk}/100${rise}.`, {
    title: 'Churn risk', items: a.reasons, fields: [{ label: 'Next step', value: a.nextStep }],
  });
}

/** The weekly digest's figures. */
export interface WeeklyFigures {
  since: Date;
  interactions: number;
  busiest: { name: string; count: number }[];
  overdue: number;
  dueThisWeek: number;
  nps: { value: number | null; answers: number; change: number | null };
  risers: { name: string; from: number; to: number }[];
}

/** The weekly digest to the operator. */
export function weeklyDigestReply(f: WeeklyFigures, now: Date, timeZone: string, locale: string): Reply {
  const npsText = f.nps.value === null
    ? 'no answers in the last 90 days'
    : `${Math.round(f.nps.value)} from ${f.nps.answers} answer${f.nps.answers === 1 ? '' : 's'} in the last 90 days${f.nps.change === null ? '' : `, ${f.nps.change >= 0 ? '+' : ''}${Math.round(f.nps.change)} on the week`}`;
  const busiest = f.busiest.length ? ` (most with ${f.busiest.map((b) => `${b.name} ${b.count}`).join(', ')})` : '';
  return reply('info', `Your week since ${formatDay(f.since, timeZone, now, locale)}.`, {
    title: 'Weekly digest',
    fields: [
      { label: 'New interactions', value: `${f.interactions}${busiest}` },
      { label: 'Follow-ups', value: `${f.overdue} overdue, ${f.dueThisWeek} due in the next 7 days` },
      { label: 'NPS', value: npsText },
      { label: 'Risk rose', value: f.risers.length ? f.risers.map((r) => `${r.name} ${r.from}→${r.to}`).join(', ') : 'nobody' },
    ],
  });
}
