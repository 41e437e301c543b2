/** When the proactive messages go out; one place, so the chat's "what's scheduled?" tells the truth. */

/** The morning digest of overdue follow-ups, local time of the workspace (minutes after midnight): 08:00. */
export const MORNING_DIGEST_MIN = 8 * 60;
/** A morning digest missed while the bot was down is still sent this long after its time: 4 h. */
export const MORNING_DIGEST_CATCH_UP_MS = 4 * 3_600_000;

/** The weekly digest's day: Monday (0 is Sunday)... */
export const WEEKLY_DIGEST_WEEKDAY = 1;
/** ...and time, 08:00 local (the digests job wakes at MORNING_DIGEST_MIN: keep the two equal), sent before that day's morning digest. */
export const WEEKLY_DIGEST_MIN = 8 * 60;
/** A weekly digest missed while the bot was down is still sent within a day of its time. */
export const WEEKLY_DIGEST_CATCH_UP_MS = 24 * 3_600_000;

/** The daily churn-risk check: 09:00 local. */
export const CHURN_CHECK_MIN = 9 * 60;
/** A customer is alerted about again only when the risk rose this many points (0-100 scale)... */
export const CHURN_RISE_MARGIN = 10;
/** ...or this many days passed since the last alert. */
export const CHURN_REPEAT_AFTER_DAYS = 14;

/** An unanswered survey gets its one reminder this many days after it was sent... */
export const SURVEY_REMINDER_AFTER_DAYS = 3;
/** ...and none once it is this old (a bot down for weeks does not nag about a stale survey). */
export const SURVEY_REMINDER_UNTIL_DAYS = 10;

/** Cron expressions (node-cron, 6 fields with seconds), run in the workspace's time zone. */
export const CRON = {
  /** Follow-up reminders: due ones are picked up within 15 s. */
  reminders: '*/15 * * * * *',
  /** Surveys (asked-for ones go out within a minute), their reminders. */
  surveys: '30 * * * * *',
  /** Weekly then morning digest. */
  digests: `0 ${MORNING_DIGEST_MIN % 60} ${Math.floor(MORNING_DIGEST_MIN / 60)} * * *`,
  churn: `0 ${CHURN_CHECK_MIN % 60} ${Math.floor(CHURN_CHECK_MIN / 60)} * * *`,
} as const;
