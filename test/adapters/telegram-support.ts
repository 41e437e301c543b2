import { createTelegramChannel, telegramOptionsFromConfig, type TelegramAdapter } from '../../adapters/telegram/index.ts';
import { createCore, type Core } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Clock } from '../../src/core/clock.ts';
import type { Logger } from '../../src/core/engine/types.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { expect } from 'vitest';
import { TelegramFake, type FakeChat, type FakeUser, type SentMessage } from '../fakes/telegram-fake.ts';
import { testDatabase, type TestDatabase } from '../support/databases.ts';
import { T0 } from '../support/harness.ts';
import { until } from '../support/waiting.ts';
export { until };

/**
 * A clock that starts at T0 and runs at real speed (the outbox waits out retry-after for real),
 * so dates parse the same in every run; `advance` jumps ahead (invite expiry).
 */
export function runningClock(start: Date = T0): Clock & { advance(ms: number): void } {
  const realStart = Date.now();
  let offsetMs = 0;
  return {
    now: () => new Date(start.getTime() + (Date.now() - realStart) + offsetMs),
    advance: (ms) => { offsetMs += ms; },
  };
}

/** A logger that keeps lines, so tests can check nothing personal was logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, meta?: Record<string, unknown>) => { lines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`); };
  return { lines, info: keep('info'), error: keep('error') };
}

/** The users of the tests. */
export const OPERATOR: FakeUser = { id: 1001, first_name: 'Olga', username: 'olga' };
export const STRANGER: FakeUser = { id: 2002, first_name: 'Sam' };
export const CUSTOMER: FakeUser = { id: 3003, first_name: 'Jane', last_name: 'Doe' };
export const OTHER_CUSTOMER: FakeUser = { id: 4004, first_name: 'Max' };
/** The webhook secret of the tests. */
export const WEBHOOK_SECRET = 'test_Secret-123';

/** Fake Telegram + real grammY channel + core on a fresh database + runtime, wired as `crm start` does. */
export interface TelegramStack {
  fake: TelegramFake;
  channel: TelegramAdapter;
  core: Core;
  runtime: Runtime;
  clock: ReturnType<typeof runningClock>;
  log: ReturnType<typeof memoryLogger>;
  /** A user writes (in a private chat unless `chat` says otherwise); resolves with what the bot sent to that chat in answer, once it is all delivered. */
  converse(user: FakeUser, text: string, where?: { chat?: FakeChat; threadId?: number }): Promise<SentMessage[]>;
  /** A user presses the button with this label on the latest message having it; resolves like converse. */
  press(user: FakeUser, label: string): Promise<SentMessage[]>;
  /** Interactions stored so far. */
  interactions(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the whole stack in long-polling or webhook mode. */
export async function startTelegramStack(provider: 'sqlite' | 'postgresql', mode: 'polling' | 'webhook'): Promise<TelegramStack> {
  const fake = await new TelegramFake().start();
  const db: TestDatabase = testDatabase(provider);
  const clock = runningClock();
  const log = memoryLogger();
  const config = loadConfig({
    DATABASE_URL: db.url, CRM_TIME_ZONE: 'America/New_York',
    TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_OPERATOR_IDS: String(OPERATOR.id),
    ...(mode === 'webhook' ? { TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, PUBLIC_URL: 'https://crm.example.com' } : {}),
  });
  const channel = createTelegramChannel(telegramOptionsFromConfig(config)!, { log, now: () => clock.now() });
  const core = await createCore(config, { clock, log, extra: { inviteLink: (code) => channel.inviteLink(code) } });
  const runtime = await startRuntime(core, [channel], { port: 0, host: '127.0.0.1', sweepMs: 50, delivery: { backoffBaseMs: 20 } });
  if (mode === 'webhook') fake.routeWebhooksTo(`http://127.0.0.1:${runtime.httpPort}`);

  const settled = async (updateId: number) => {
    const seen = await core.db.prisma.processedEvent.count({ where: { platform: 'telegram', eventId: String(updateId) } });
    const open = await core.db.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } });
    return seen === 1 && open === 0;
  };
  const exchange = async (chatId: number, update: ReturnType<TelegramFake['textUpdate']>) => {
    const before = fake.sentTo(chatId).length;
    const status = await fake.deliver(update);
    if (status !== 200) throw new Error(`the webhook answered ${status}`);
    await until(() => settled(update.update_id), 5_000, `update ${update.update_id} to be handled and answered`);
    return fake.sentTo(chatId).slice(before);
  };
  return {
    fake, channel, core, runtime, clock, log,
    converse: (user, text, where = {}) => exchange(where.chat?.id ?? user.id, fake.textUpdate(user, text, where)),
    press: (user, label) => {
      const { message, data } = fake.findButton(user.id, label);
      return exchange(user.id, fake.pressUpdate(user, message, data));
    },
    interactions: () => core.db.prisma.interaction.count(),
    async close() {
      await runtime.stop();
      await core.close();
      await fake.close();
      await db.drop();
    },
  };
}

/** Everything the bot sent to a chat, as one string (for "contains no data" checks). */
export function allText(messages: SentMessage[]): string {
  return messages.map((m) => `${m.text} ${JSON.stringify(m.buttons)}`).join('\n');
}

/** After a re-delivered update: one interaction more, one answer more, one processed-event row. */
export async function expectHandledOnce(s: TelegramStack, updateId: number, before: { interactions: number; sent: number }): Promise<void> {
  await until(() => s.fake.sentTo(OPERATOR.id).length > before.sent);
  // Give a wrongly handled copy the time to show up.
  await new Promise((r) => setTimeout(r, 300));
  expect(await s.interactions()).toBe(before.interactions + 1);
  expect(s.fake.sentTo(OPERATOR.id).length).toBe(before.sent + 1);
  expect(await s.core.db.prisma.processedEvent.count({ where: { platform: 'telegram', eventId: String(updateId) } })).toBe(1);
}

/** The labels of a sent message's buttons. */
export function labels(m: SentMessage | undefined): string[] {
  return (m?.buttons ?? []).flat().map((b) => b.text);
}

/** Log a call, answer a question by button, read the summary, create a follow-up and press Done. */
export async function wholeConversation(s: TelegramStack): Promise<void> {
  expect((await s.converse(OPERATOR, 'add customer Acme Labs'))[0]?.text).toContain('Added customer Acme Labs');
  await s.converse(OPERATOR, 'add customer Acme Corp');

  const which = await s.converse(OPERATOR, 'log call with Acme: discussed pricing & <next steps>');
  expect(which).toHaveLength(1);
  expect(which[0]!.text).toBe('Which Acme?');
  expect(labels(which[0])).toEqual(['Acme Corp', 'Acme Labs', 'Cancel']);
  const logged = await s.press(OPERATOR, 'Acme Labs');
  expect(logged[0]!.text).toContain('Logged call with Acme Labs');
  expect(logged[0]!.text).toContain('discussed pricing &amp; &lt;next steps&gt;');
  expect(labels(logged[0])).toEqual(['Undo']);
  // The press was answered and the question's buttons removed.
  await until(() => s.fake.callsOf('answerCallbackQuery').length === 1 && s.fake.callsOf('editMessageReplyMarkup').length === 1);
  expect(s.fake.callsOf('editMessageReplyMarkup')[0]!.body).toMatchObject({ chat_id: OPERATOR.id, message_id: which[0]!.messageId });

  await s.converse(OPERATOR, 'summary Acme');
  const summary = await s.press(OPERATOR, 'Acme Labs');
  expect(summary[0]!.text).toMatch(/^<b>Acme Labs<\/b>\n/);
  expect(summary[0]!.text).toContain('discussed pricing');
  expect(summary[0]!.text).toContain('<b>Stage: </b>lead');

  expect((await s.converse(OPERATOR, 'remind me to send the proposal to Acme Labs tomorrow at 10am'))[0]!.text).toContain('Reminder set');
  const due = await s.converse(OPERATOR, "what's due?");
  expect(due[0]!.text).toContain('send the proposal');
  expect(labels(due[0])).toEqual(['Done', 'Snooze 1 day']);
  expect((await s.press(OPERATOR, 'Done'))[0]!.text).toContain('Done: “send the proposal”');
  expect(await s.core.db.prisma.followUp.findFirst({ select: { status: true } })).toEqual({ status: 'done' });

  expect(await s.interactions()).toBe(1);
  expect(s.fake.sent.every((m) => m.parseMode === 'HTML')).toBe(true);
  // Logs never carry what people wrote.
  expect(s.log.lines.join('\n')).not.toMatch(/pricing|proposal/);
}
