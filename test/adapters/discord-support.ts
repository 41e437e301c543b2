import { createDiscordChannel, messageText, type DiscordAdapter } from '../../adapters/discord/index.ts';
import { createCore, type Core } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Logger } from '../../src/core/engine/types.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { DiscordFake, FAKE_DISCORD, type FakeUser, type SentMessage } from '../fakes/discord-fake.ts';
import { testDatabase, type TestDatabase } from '../support/databases.ts';
import { T0 } from '../support/harness.ts';
import { until, runningClock } from '../support/waiting.ts';
export { until, runningClock };

/** The Discord users the tests play. */
export const USERS = {
  operator: { id: '200000000000000001', username: 'owner' },
  stranger: { id: '200000000000000002', username: 'mallory' },
  customer: { id: '200000000000000003', username: 'jane' },
} as const satisfies Record<string, FakeUser>;

/** Everything a sent message shows, as one string. */
export function textOf(m: SentMessage): string {
  return messageText(m.body);
}

/** The buttons of a sent message as label → custom_id. */
export function buttonsOf(m: SentMessage): { label: string; customId: string }[] {
  return (m.body.components ?? []).flatMap((row) => row.components.map((b) => ({ label: b.label ?? '', customId: b.custom_id })));
}

/** The real discord.js on the runtime, against the fake, on a fresh database. */
export interface DiscordStack {
  fake: DiscordFake;
  core: Core;
  runtime: Runtime;
  channel: DiscordAdapter;
  /** Errors the core and the adapter logged. */
  errors: string[];
  /** Delivers an event (returns its id) and waits until it is handled and every queued reply is sent; returns what the bot sent into `channelId`. */
  exchange(channelId: string, deliver: () => string): Promise<SentMessage[]>;
  /** Sends text as `user` in a DM, a guild channel or the thread (with an @-mention there) and returns the answers. */
  say(user: FakeUser, text: string, where?: 'dm' | 'channel' | 'thread'): Promise<SentMessage[]>;
  /** Presses the button labelled `label` on `message` as `user` and returns the answers. */
  press(user: FakeUser, message: SentMessage, label: string): Promise<SentMessage[]>;
  /** Runs `/crm text:<text>` as `user` and returns the answers. */
  slash(user: FakeUser, text: string, where?: 'dm' | 'channel'): Promise<SentMessage[]>;
  close(): Promise<void>;
}

/** Starts fake + core + Discord channel + runtime, the way `crm start` wires them. */
export async function startDiscordStack(provider: 'sqlite' | 'postgresql'): Promise<DiscordStack> {
  const fake = await DiscordFake.start({ heartbeatIntervalMs: 1_000 });
  const db: TestDatabase = testDatabase(provider);
  const errors: string[] = [];
  const log: Logger = { info: () => {}, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta ?? {})}`) };
  const config = loadConfig({
    DATABASE_URL: db.url, CRM_TIME_ZONE: 'America/New_York', DISCORD_OPERATOR_IDS: USERS.operator.id,
    DISCORD_BOT_TOKEN: FAKE_DISCORD.token, DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_API_URL: fake.apiUrl,
  });
  const core = await createCore(config, { clock: runningClock(T0), log });
  const channel = createDiscordChannel({ botToken: config.DISCORD_BOT_TOKEN!, applicationId: config.DISCORD_APPLICATION_ID!, apiUrl: config.DISCORD_API_URL }, { log });
  const runtime = await startRuntime(core, [channel], { port: 0, host: '127.0.0.1', sweepMs: 50, delivery: { backoffBaseMs: 20 } });
  const prisma = core.db.prisma;

  const exchange = async (channelId: string, deliver: () => string) => {
    const before = fake.sent.length;
    const eventId = deliver();
    await until(async () => (await prisma.processedEvent.count({ where: { platform: 'discord', eventId } })) > 0
      && (await prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0, 8_000, `the answer to event ${eventId}`);
    return fake.sent.slice(before).filter((m) => m.channelId === channelId);
  };
  const where = (user: FakeUser, place: 'dm' | 'channel' | 'thread') => (place === 'dm' ? fake.dmChannelOf(user) : place === 'thread' ? FAKE_DISCORD.threadId : FAKE_DISCORD.channelId);

  return {
    fake, core, runtime, channel, errors, exchange,
    say: (user, text, place = 'dm') => exchange(where(user, place), () => fake.deliver(fake.message(user, text, { in: place }))),
    press: (user, message, label) => {
      const button = buttonsOf(message).find((b) => b.label === label);
      if (!button) throw new Error(`no button “${label}” among ${buttonsOf(message).map((b) => b.label).join(', ')}`);
      return exchange(message.channelId, () => fake.pressButton(user, message, button.customId).id);
    },
    slash: (user, text, place = 'channel') => exchange(where(user, place), () => fake.slashCommand(user, text, place).id),
    async close() {
      await runtime.stop();
      await core.close();
      await fake.close();
      await db.drop();
    },
  };
}
