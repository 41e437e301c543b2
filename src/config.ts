import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from './storage/database.ts';

const ids = z
  .string()
  .optional()
  .transform((s) => new Set((s ?? '').split(',').map((x) => x.trim()).filter(Boolean)));
const optionalText = z.string().trim().optional().transform((s) => (s ? s : undefined));
const url = (name: string) =>
  optionalText.refine((s) => s === undefined || /^https?:\/\/[^/]/.test(s), `${name} must be an http(s) URL`).transform((s) => s?.replace(/\/+$/, ''));
const positiveInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const schema = z.object({
  DATABASE_URL: z.string().trim().default(DEFAULT_DATABASE_URL),
  CRM_TIME_ZONE: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: url('PUBLIC_URL'),

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_OPERATOR_IDS: ids,
  SLACK_API_URL: url('SLACK_API_URL'),

  DISCORD_BOT_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_OPERATOR_IDS: ids,
  DISCORD_API_URL: url('DISCORD_API_URL'),

  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_OPERATOR_IDS: ids,
  TELEGRAM_API_ROOT: url('TELEGRAM_API_ROOT'),

  SURVEY_FIRST_AFTER_DAYS: positiveInt(30),
  SURVEY_EVERY_DAYS: positiveInt(90),
  SURVEY_MIN_GAP_DAYS: positiveInt(60),
  SURVEY_DAILY_CAP: positiveInt(50),
});

/** The whole configuration, read once from the environment at start-up. */
export type Config = z.infer<typeof schema>;

/** Thrown when the environment is invalid; the message names each variable and the fix. */
export class ConfigError extends Error {}

/** Reads and validates the configuration. Secrets stay in the returned object; never log it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty `NAME=` line in .env means "not set", not "set to nothing".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (check .env):\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** The operator ids per platform, as the engine wants them. */
export function operatorIds(config: Config): Record<string, ReadonlySet<string>> {
  return { slack: config.SLACK_OPERATOR_IDS, discord: config.DISCORD_OPERATOR_IDS, telegram: config.TELEGRAM_OPERATOR_IDS };
}

/** Which chat platforms have the settings they need, and what is missing for the others. */
export function platformStatus(config: Config): { platform: string; configured: boolean; detail: string }[] {
  const slackMode = config.SLACK_APP_TOKEN ? 'Socket Mode' : 'HTTP Events API';
  const slackMissing = [!config.SLACK_BOT_TOKEN && 'SLACK_BOT_TOKEN', !config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET && 'SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)'].filter(Boolean);
  const telegramMode = config.TELEGRAM_WEBHOOK_SECRET && config.PUBLIC_URL ? 'webhook' : 'long polling';
  const describe = (name: string, anySet: boolean, missing: (string | false | undefined)[], mode: string, operators: Set<string>) => {
    const gaps = missing.filter(Boolean) as string[];
    if (!anySet) return { platform: name, configured: false, detail: 'not configured' };
    if (gaps.length) return { platform: name, configured: false, detail: `missing ${gaps.join(', ')}` };
    const who = operators.size ? `${operators.size} operator${operators.size === 1 ? '' : 's'}` : 'no operators set: nobody can use it';
    return { platform: name, configured: true, detail: `${mode}; ${who}` };
  };
  const c = config;
  return [
    describe('slack', !!(c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET), slackMissing, slackMode, c.SLACK_OPERATOR_IDS),
    describe('discord', !!(c.DISCORD_BOT_TOKEN || c.DISCORD_APPLICATION_ID), [!c.DISCORD_BOT_TOKEN && 'DISCORD_BOT_TOKEN', !c.DISCORD_APPLICATION_ID && 'DISCORD_APPLICATION_ID'], 'gateway', c.DISCORD_OPERATOR_IDS),
    describe('telegram', !!(c.TELEGRAM_BOT_TOKEN || c.TELEGRAM_WEBHOOK_SECRET), [!c.TELEGRAM_BOT_TOKEN && 'TELEGRAM_BOT_TOKEN'], telegramMode, c.TELEGRAM_OPERATOR_IDS),
  ];
}
