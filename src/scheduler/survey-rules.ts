/** The NPS survey rules as pure functions, shared by the sweep and the "send the survey" command. */

import { addDays, formatDay, isTimeZone } from '../core/time.ts';
import { isQuietTime, quietHoursEnd } from './local-time.ts';
import type { ScheduleSettings } from './types.ts';

/** The rule settings a decision needs. */
export type SurveyRules = Pick<
  ScheduleSettings,
  'timeZone' | 'quietHoursStartMin' | 'quietHoursEndMin' | 'surveyFirstAfterDays' | 'surveyEveryDays' | 'surveyMinGapDays'
>;

/** When a contact is next due by the cadence: N days after the first purchase, then every M days; null without a purchase. */
export function nextSurveyDue(c: { firstPurchaseAt: Date | null; lastSentAt: Date | null }, rules: SurveyRules): Date | null {
  if (c.lastSentAt) return addDays(c.lastSentAt, rules.surveyEveryDays);
  return c.firstPurchaseAt ? addDays(c.firstPurchaseAt, rules.surveyFirstAfterDays) : null;
}

/** True when a survey now would be the second to this person within K days. */
export function withinMinGap(lastSentAt: Date | null, now: Date, rules: SurveyRules): boolean {
  return lastSentAt !== null && now.getTime() < addDays(lastSentAt, rules.surveyMinGapDays).getTime();
}

/** The zone quiet hours are read in: the contact's (or customer's) when known and valid, else the workspace's. */
export function recipientZone(zone: string | null, rules: SurveyRules): string {
  return zone && isTimeZone(zone) ? zone : rules.timeZone;
}

/** True when it is quiet hours for the recipient now. */
export function isQuietFor(now: Date, zone: string | null, rules: SurveyRules): boolean {
  return isQuietTime(now, recipientZone(zone, rules), rules.quietHoursStartMin, rules.quietHoursEndMin);
}

/** When the recipient's quiet hours end (now when they are not in them). */
export function quietEndFor(now: Date, zone: string | null, rules: SurveyRules): Date {
  return quietHoursEnd(now, recipientZone(zone, rules), rules.quietHoursStartMin, rules.quietHoursEndMin);
}

/** Why the no-repeat window blocks a survey, in one line for the operator. */
export function minGapReason(contactName: string, lastSentAt: Date, now: Date, rules: SurveyRules, locale = 'en-US'): string {
  return `${contactName} got one on ${formatDay(lastSentAt, rules.timeZone, now, locale)}, and no two surveys go to one person within ${rules.surveyMinGapDays} days (the earliest is ${formatDay(addDays(lastSentAt, rules.surveyMinGapDays), rules.timeZone, now, locale)}).`;
}
