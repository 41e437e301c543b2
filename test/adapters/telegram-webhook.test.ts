import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TELEGRAM_WEBHOOK_PATH } from '../../adapters/telegram/index.ts';
import { PROVIDERS } from '../support/databases.ts';
import { expectHandledOnce, OPERATOR, startTelegramStack, WEBHOOK_SECRET, wholeConversation, type TelegramStack } from './telegram-support.ts';

/** The whole product on Telegram by webhook, served on the runtime's HTTP server. */
for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`Telegram on ${provider.name}: webhook`, () => {
    let s: TelegramStack;
    beforeAll(async () => { s = await startTelegramStack(provider.name, 'webhook'); });
    afterAll(async () => { await s?.close(); });

    test('the bot sets its webhook with the secret token and never polls', () => {
      expect(s.fake.callsOf('setWebhook').map((c) => c.body)).toEqual([
        { url: `https://crm.example.com${TELEGRAM_WEBHOOK_PATH}`, secret_token: WEBHOOK_SECRET, allowed_updates: ['message', 'callback_query'] },
      ]);
      expect(s.fake.callsOf('getUpdates')).toHaveLength(0);
    });

    test('an operator conversation over the webhook', async () => {
      await wholeConversation(s);
      expect(s.fake.webhookDeliveries.every((d) => d.status === 200)).toBe(true);
    });

    test('an update Telegram re-sends (while the first delivery is in flight, and later) is handled once', async () => {
      const before = { interactions: await s.interactions(), sent: s.fake.sentTo(OPERATOR.id).length };
      const update = s.fake.textUpdate(OPERATOR, 'log call with Acme Labs: delivered three times');
      const statuses = await Promise.all([s.fake.deliver(update), s.fake.deliver(update)]);
      statuses.push(await s.fake.deliver(update));
      expect(statuses).toEqual([200, 200, 200]);
      await expectHandledOnce(s, update.update_id, before);
    });

    test('a wrong or missing secret token is rejected with 401 and nothing is stored', async () => {
      const interactions = await s.interactions();
      const sent = s.fake.sent.length;
      const forged = s.fake.textUpdate(OPERATOR, 'log call with Acme Labs: forged');
      expect(await s.fake.postWebhook(forged, 'wrong-secret')).toBe(401);
      expect(await s.fake.postWebhook(forged, undefined)).toBe(401);
      expect(await s.fake.postWebhook(forged, `${WEBHOOK_SECRET}x`)).toBe(401);
      await new Promise((r) => setTimeout(r, 150));
      expect(await s.core.db.prisma.processedEvent.count({ where: { eventId: String(forged.update_id) } })).toBe(0);
      expect(await s.interactions()).toBe(interactions);
      expect(s.fake.sent.length).toBe(sent);
      // The right secret is accepted.
      expect((await s.converse(OPERATOR, 'log call with Acme Labs: genuine'))[0]!.text).toContain('Logged call');
    });
  });
}
