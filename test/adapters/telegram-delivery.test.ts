import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../support/databases.ts';
import { expectHandledOnce, OPERATOR, startTelegramStack, until, type TelegramStack } from './telegram-support.ts';

/** Delivery through the outbox, in long-polling mode (the webhook re-delivery case is in telegram.test.ts). */
for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`Telegram delivery on ${provider.name}`, () => {
    let s: TelegramStack;
    beforeAll(async () => {
      s = await startTelegramStack(provider.name, 'polling');
      await s.converse(OPERATOR, 'add customer Acme Labs');
    });
    afterAll(async () => { await s?.close(); });

    test('the same update delivered three times is logged once and answered once', async () => {
      const before = { interactions: await s.interactions(), sent: s.fake.sentTo(OPERATOR.id).length };
      const update = s.fake.textUpdate(OPERATOR, 'log call with Acme Labs: delivered three times');
      // Unconfirmed updates come again in the next getUpdates answer (after a crash, say).
      await s.fake.deliver(update, update, update);
      await expectHandledOnce(s, update.update_id, before);
    });

    test('a 429 with retry-after is honoured and the message arrives', async () => {
      const calls = s.fake.callsOf('sendMessage').length;
      s.fake.failNextSends(1, 429, 1);
      await s.fake.say(OPERATOR, 'help');
      await until(() => s.fake.callsOf('sendMessage').slice(calls).some((c) => c.status === 200), 5_000, 'the retried send');
      const [limited, delivered] = s.fake.callsOf('sendMessage').slice(calls);
      expect(limited!.status).toBe(429);
      expect(delivered!.status).toBe(200);
      expect(delivered!.at - limited!.at).toBeGreaterThanOrEqual(1_000);
      expect(s.fake.sentTo(OPERATOR.id).at(-1)!.text).toContain('<b>What I can do</b>');
    });

    test('a reply to a group that became a supergroup goes to the supergroup, and so does what follows', async () => {
      const group = { id: -4001, type: 'group' as const, title: 'Team' };
      const supergroup = -1004001;
      s.fake.migrateChat(group.id, supergroup);
      await s.fake.say(OPERATOR, '@crm_test_bot help', { chat: group });
      await until(() => s.fake.sentTo(supergroup).length === 1, 5_000, 'the reply in the supergroup');
      await s.fake.say(OPERATOR, '@crm_test_bot summary Acme Labs', { chat: group });
      await until(() => s.fake.sentTo(supergroup).length === 2, 5_000, 'the second reply');
      expect(s.fake.sentTo(supergroup).map((m) => m.text).join('\n')).toMatch(/What I can do[\s\S]*Acme Labs/);
      expect(s.fake.sentTo(group.id)).toEqual([]);
      // The second reply went straight to the new id.
      expect(s.fake.callsOf('sendMessage').filter((c) => c.status === 400)).toHaveLength(1);
      expect(await s.runtime.outbox.listFailed(10)).toEqual([]);
    });

    test('a 5xx is retried with backoff, and a message Telegram refuses is kept as failed', async () => {
      const calls = s.fake.callsOf('sendMessage').length;
      s.fake.failNextSends(2, 502);
      await s.fake.say(OPERATOR, 'summary Acme Labs');
      await until(() => s.fake.callsOf('sendMessage').slice(calls).some((c) => c.status === 200), 5_000, 'the retried send');
      expect(s.fake.callsOf('sendMessage').slice(calls).map((c) => c.status)).toEqual([502, 502, 200]);

      s.fake.failNextSends(1, 400);
      await s.fake.say(OPERATOR, "what's due?");
      await until(async () => (await s.runtime.outbox.listFailed(10)).length === 1, 5_000, 'the failed message');
      const [failed] = await s.runtime.outbox.listFailed(10);
      expect(failed!.lastError).toBe('Telegram sendMessage failed (400: Bad Request: chat not found)');
    });
  });
}
