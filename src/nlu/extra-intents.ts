import type { Command, SurveyRule } from '../core/command.ts';
import { parseNameSpan } from './names.ts';
import { cleanValue } from './text.ts';
import { canonicalTimeZone } from '../core/zone.ts';

// Housekeeping the engine offers beyond the parse contract (the contract shows these as unknown).

const MERGE = /^merge\s+(.+?)\s+(?:into|with|and)\s+(.+)$/i;
const LINK = /^link\s+(?:<@!?([A-Z0-9]+)(?:\|[^>]*)?>|@?([\w.-]+))\s+(?:to|with)\s+(.+)$/i;
const INVITE = /^(?:(?:create|make|get|send|generate|give\s+me)\s+(?:an?\s+|the\s+)?)?invite(?:\s+(?:link|code))?\s+(?:for\s+|to\s+)?(.+)$/i;
const SCHEDULE = /^(?:what'?s|what\s+is|whats)\s+scheduled\b|^(?:show\s+(?:me\s+)?)?(?:the\s+|my\s+)?schedule\s*\??$|^scheduled(?:\s+(?:jobs|messages|surveys|reports|sends))?\s*\??$|^what\s+(?:will|are)\s+you\s+(?:send|sending)\b/i;
const SURVEYS_ONOFF = /^(pause|stop|suspend|disable|turn\s+off|resume|restart|unpause|enable|turn\s+on|start)\s+(?:all\s+)?(?:the\s+)?(?:nps\s+)?surveys?(?:\s+for\s+now)?\s*[.!]*$/i;
const TIMEZONE = /^(?:(?:my|our|the)\s+)?(?:time\s*zone|tz)\s*(?:is|=|:|to)\s*([A-Za-z][\w+-]*(?:\/[\w+-]+)*)\s*[.!]?$|^(?:set|change|update)\s+(?:my\s+|the\s+)?(?:time\s*zone|tz)\s+(?:to\s+)?([A-Za-z][\w+-]*(?:\/[\w+-]+)*)\s*[.!]?$/i;
const INBOX = /^(?:show\s+(?:me\s+)?|open\s+|check\s+)?(?:the\s+|my\s+)?(?:inbox|customer\s+messages|messages\s+from\s+(?:customers|clients)|(?:new|unread)\s+(?:customer\s+)?messages)\s*[?.!]*$/i;

const RULES: ReadonlyArray<readonly [SurveyRule, RegExp]> = [
  ['firstAfterDays', /\bsurvey\w*\s+(?:customers\s+|people\s+|them\s+)?(\d+)\s*(days?|weeks?|months?)\s+after\s+(?:the(?:ir)?\s+)?first\s+(?:purchase|payment|order|sale)/i],
  ['everyDays', /\bsurvey\w*\s+(?:customers\s+|people\s+|them\s+|everyone\s+)?(?:every|each)\s+(\d+)\s*(days?|weeks?|months?)\b/i],
  ['minGapDays', /\bnever\s+survey\s+(?:anyone\s+|someone\s+|a\s+person\s+|people\s+|customers\s+)?more\s+than\s+once\s+(?:per|every|in|a|each)\s+(\d+)\s*(days?|weeks?|months?)\b/i],
  ['dailyCap', /\b(?:at\s+most|max(?:imum)?|no\s+more\s+than|up\s+to)\s+(\d+)\s+surveys?\s+(?:per|a|each)\s+(day)\b/i],
];

function days(n: string, unit: string): number {
  const v = Number(n);
  if (/^week/i.test(unit)) return v * 7;
  if (/^month/i.test(unit)) return v * 30;
  return v;
}

/** The engine-only intents (merge, link, invite, schedule, survey settings, time zone, inbox), or undefined. */
export function extraIntent(text: string): Command | undefined {
  const t = text.trim();
  const merge = MERGE.exec(t);
  if (merge) {
    const from = parseNameSpan(merge[1] ?? '', 'any');
    const into = parseNameSpan(merge[2] ?? '', 'any');
    return { intent: 'merge_customers', customer: from.customer ?? cleanValue(merge[1] ?? ''), into: into.customer ?? cleanValue(merge[2] ?? '') };
  }
  const link = LINK.exec(t);
  if (link) return { intent: 'link_contact', platformUserId: link[1] ?? link[2], ...parseNameSpan(link[3] ?? '', 'any') };
  const invite = INVITE.exec(t);
  if (invite) return { intent: 'invite_contact', ...parseNameSpan(invite[1] ?? '', 'any') };
  if (SCHEDULE.test(t)) return { intent: 'schedule_report' };
  const onoff = SURVEYS_ONOFF.exec(t);
  if (onoff) return { intent: 'set_surveys', paused: /^(?:pause|stop|suspend|disable|turn\s+off)/i.test(onoff[1] ?? '') };
  for (const [rule, re] of RULES) {
    const m = re.exec(t);
    if (m) return { intent: 'set_survey_rule', rule, value: rule === 'dailyCap' ? Number(m[1]) : days(m[1] ?? '0', m[2] ?? 'days') };
  }
  const tz = TIMEZONE.exec(t);
  const zone = canonicalTimeZone(tz?.[1] ?? tz?.[2] ?? '');
  if (zone) return { intent: 'set_timezone', timeZone: zone };
  if (INBOX.test(t)) return { intent: 'inbox' };
  return undefined;
}
