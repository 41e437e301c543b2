import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel, SLACK_EVENTS_PATH, type SlackAdapter } from '../../adapters/slack/index.ts';
import { createCore, type Core } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Logger } from '../../src/core/engine/types.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { FAKE_SLACK, labelOf, SlackFake, type SentMessage } from '../fakes/slack-fake.ts';
import { PROVIDERS, testDatabase, type TestDatabase } from '../support/databases.ts';
import { T0 } from '../support/harness.ts';
import { until, runningClock } from '../support/waiting.ts';
export { until, runningClock };

/** Slack user ids the tests play. */
export const USERS = { operator: 'U0OPERATOR', stranger: 'U0STRANGER', customer: 'U0CUSTOMER' } as const;

/** The real SDK on the runtime, against the fake, on a fresh database. */
export interface SlackStack {
  fake: SlackFake;
  core: Core;
  runtime: Runtime;
  channel: SlackAdapter;
  /** Errors the core and adapter logged. */
  errors: string[];
  /** Sends a DM as `user` and waits until the bot has answered it; returns the new messages. */
  dm(user: string, text: string): Promise<SentMessage[]>;
  /** Presses the button labelled `label` on `message` as `user`; returns the answer. */
  press(message: SentMessage, label: string, user: string): Promise<SentMessage[]>;
  /** Runs a delivery and waits for the bot's answer in `channel`. */
  answered(channel: string, deliver: () => Promise<unknown>, count?: number): Promise<SentMessage[]>;
  close(): Promise<void>;
}

/** Starts fake + core + channel + runtime in HTTP Events API or Socket Mode. */
export async function startSlackStack(provider: 'sqlite' | 'postgresql', mode: 'http' | 'socket'): Promise<SlackStack> {
  const fake = await SlackFake.start();
  const db: TestDatabase = testDatabase(provider);
  const errors: string[] = [];
  const log: Logger = { info: () => {}, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta ?? {})}`) };
  const config = loadConfig({ DATABASE_URL: db.url, CRM_TIME_ZONE: 'America/New_York', SLACK_OPERATOR_IDS: USERS.operator });
  const core = await createCore(config, { clock: runningClock(T0), log });
  const channel = createSlackChannel(
    { botToken: FAKE_SLACK.botToken, apiUrl: fake.apiUrl, ...(mode === 'http' ? { signingSecret: FAKE_SLACK.signingSecret } : { appToken: FAKE_SLACK.appToken }) },
    { log },
  );
  const runtime = await startRuntime(core, [channel], { port: 0, host: '127.0.0.1', sweepMs: 50, delivery: { backoffBaseMs: 20 } });
  if (mode === 'http') fake.deliverTo(`http://127.0.0.1:${runtime.httpPort}${SLACK_EVENTS_PATH}`);

  const answered = async (chatId: string, deliver: () => Promise<unknown>, count = 1) => {
    const before = fake.sent(chatId).length;
    await deliver();
    await until(() => fake.sent(chatId).length >= before + count, 5_000, `an answer in ${chatId}`);
    return fake.sent(chatId).slice(before);
  };
  return {
    fake, core, runtime, channel, errors, answered,
    dm: (user, text) => answered(fake.dmChannel(user), () => fake.deliver('event', fake.dm(user, text))),
    press: (message, label, user) => answered(message.channel, () => fake.deliver('action', fake.press(message, label, user))),
    async close() {
      await runtime.stop();
      await core.close();
      await fake.close();
      await db.drop();
    },
  };
}

/** All text of some messages (fallback, blocks, fields, button labels), for "contains" assertions. */
export function textOf(messages: SentMessage[]): string {
  return messages.flatMap((m) => [m.text, ...m.blocks.flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map(labelOf)])]).join('\n');
}

/** The whole-conversation suite, run once per connection mode (one test file each, so they run in parallel). */
export function describeSlackConversation(mode: 'http' | 'socket'): void {
  const OP = USERS.operator;
  describe.each(PROVIDERS)(`Slack conversation over ${mode} on $name`, ({ name, skip }) => {
    let s: SlackStack;
    beforeAll(async () => {
      if (!skip) s = await startSlackStack(name, mode);
    });
    afterAll(async () => {
      await s?.close();
    });

    it.skipIf(skip)('logs a call, answers a question by button, shows the summary, completes a follow-up', async () => {
      const dm = s.fake.dmChannel(OP);
      expect(textOf(await s.dm(OP, 'add customer Acme Corp'))).toContain('Added customer Acme Corp');
      expect(textOf(await s.dm(OP, 'add customer Acme Labs'))).toContain('Added customer Acme Labs');
      const logged = await s.dm(OP, 'log call with Acme Labs: discussed pricing');
      expect(textOf(logged)).toContain('Logged call with Acme Labs');
      // Every confirmation carries [Undo] as a real Block Kit button.
      const undo = logged.flatMap((m) => m.blocks).flatMap((b) => b.elements ?? []).find((e) => e.value?.startsWith('do:undo:'));
      expect(undo).toMatchObject({ type: 'button', text: { text: 'Undo' } });

      const [question] = await s.dm(OP, 'summary Acme');
      expect(textOf([question!])).toContain('Which Acme?');
      const summary = await s.press(question!, 'Acme Labs', OP);
      expect(summary[0]!.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Acme Labs' } });
      expect(summary[0]!.blocks.some((b) => b.type === 'section' && b.fields?.length)).toBe(true);
      expect(textOf(summary)).toContain('discussed pricing');
      // The pressed question keeps its words, loses its buttons and shows the choice: it cannot be answered twice.
      await until(() => !question!.blocks.some((b) => b.type === 'actions'), 5_000, 'the pressed question without buttons');
      expect(textOf([question!])).toContain('Which Acme?');
      expect(textOf([question!])).toContain('✓ Acme Labs');

      expect(textOf(await s.dm(OP, 'remind me to send the proposal to Acme Labs tomorrow at 10am'))).toContain('Reminder set');
      const [due] = await s.dm(OP, "what's due?");
      expect(textOf([due!])).toContain('send the proposal');
      expect(textOf(await s.press(due!, 'Done', OP))).toContain('Done: “send the proposal”');
      expect(await s.core.db.prisma.followUp.count({ where: { status: 'done' } })).toBe(1);

      // A DM written at top level is answered at top level; everything went to the operator's DM.
      expect(s.fake.sent().every((m) => m.channel === dm && m.threadTs === undefined && m.via === 'api')).toBe(true);
      expect(s.errors).toEqual([]);
    });

    it.skipIf(skip)('answers a mention in a channel inside a thread under it, and a slash command privately', async () => {
      const channel = 'C0GENERAL';
      const event = s.fake.mention(OP, channel, '<@UBOT> summary Acme Corp');
      const [inThread] = await s.answered(channel, () => s.fake.deliver('event', event));
      expect(inThread!.threadTs).toBe((event.event as { ts: string }).ts);
      expect(textOf([inThread!])).toContain('Acme Corp');

      const command = s.fake.slash(OP, 'summary Acme', channel);
      const [question] = await s.answered(channel, async () => expect((await s.fake.deliver('command', command)).status).toBe(200));
      expect(question!.via).toBe('response_url');
      expect(textOf([question!])).toContain('Which Acme?');
      const [answer] = await s.press(question!, 'Acme Corp', OP);
      expect(answer!.via).toBe('response_url');
      await until(() => textOf([question!]).includes('✓ Acme Corp'), 5_000, 'the private question replaced by the choice');
      expect(question!.blocks.some((b) => b.type === 'actions')).toBe(false);
      expect(textOf([answer!])).toContain('Acme Corp');
    });

    it.skipIf(skip)('logs an event delivered three times (Slack retries) once', async () => {
      const dm = s.fake.dmChannel(OP);
      await s.dm(OP, 'add customer Retry Ltd');
      const envelope = s.fake.dm(OP, 'log call with Retry Ltd: asked about invoices');
      const before = s.fake.sent(dm).length;
      expect((await s.fake.deliver('event', envelope)).status).toBe(200);
      const retries = await Promise.all([1, 2].map((retryNum) => s.fake.deliver('event', envelope, { retryNum })));
      expect(retries.map((r) => r.status)).toEqual([200, 200]);
      await until(() => s.fake.sent(dm).length > before);
      await new Promise((r) => setTimeout(r, 300));
      expect(s.fake.sent(dm).length).toBe(before + 1);
      const prisma = s.core.db.prisma;
      expect(await prisma.interaction.count({ where: { customer: { name: 'Retry Ltd' } } })).toBe(1);
      expect(await prisma.processedEvent.count({ where: { platform: 'slack', eventId: String(envelope.event_id) } })).toBe(1);
    });
  });
}
