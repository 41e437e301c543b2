import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../support/databases.ts';
import {
  allText, CUSTOMER, OPERATOR, OTHER_CUSTOMER, startTelegramStack, STRANGER, until, wholeConversation, type TelegramStack,
} from './telegram-support.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The whole product on Telegram by long polling: the operator's conversation, strangers, groups, invites. */
for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`Telegram on ${provider.name}: long polling`, () => {
    let s: TelegramStack;
    beforeAll(async () => { s = await startTelegramStack(provider.name, 'polling'); });
    afterAll(async () => { await s?.close(); });

    test('an operator conversation: log, answer by button, summary, follow-up Done', async () => {
      await wholeConversation(s);
      expect(s.fake.callsOf('deleteWebhook')).toHaveLength(1);
      expect(s.fake.callsOf('setWebhook')).toHaveLength(0);
    });

    test('every command a stranger sends is refused, with no CRM data', async () => {
      const interactions = await s.interactions();
      const customers = await s.core.db.prisma.customer.count();
      const commands = [
        'help', 'summary Acme Labs', 'summary Acme', 'add customer Evil Corp', 'log call with Acme Labs: stolen', "what's due?",
        'undo', 'export customers', 'invite link for Jane at Acme Labs', 'who is at risk?', '/start', '/crm summary Acme Labs',
      ];
      for (const text of commands) {
        const replies = await s.converse(STRANGER, text);
        expect(replies.map((r) => r.text), text).toEqual(['Sorry, I only work for the owner of this workspace.']);
      }
      const refusal = s.fake.sentTo(STRANGER.id)[0]!;
      await s.fake.deliver(s.fake.pressUpdate(STRANGER, refusal, 'do:undo'));
      await until(() => s.fake.sentTo(STRANGER.id).length === commands.length + 1);
      const everything = allText(s.fake.sentTo(STRANGER.id));
      for (const secret of ['Acme', 'pricing', 'proposal', 'Stage', 'lead']) expect(everything).not.toContain(secret);
      expect(await s.interactions()).toBe(interactions);
      expect(await s.core.db.prisma.customer.count()).toBe(customers);
    });

    test('replies go to the forum topic they came from; in groups only messages to the bot count', async () => {
      const group = { id: -1001234, type: 'supergroup' as const, title: 'Team', is_forum: true };
      const ignored = s.fake.textUpdate(OPERATOR, 'add customer Ignored Inc', { chat: group, threadId: 77 });
      await s.fake.deliver(ignored);
      const replies = await s.converse(OPERATOR, '@crm_test_bot summary Acme Labs', { chat: group, threadId: 77 });
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({ chatId: String(group.id), threadId: 77 });
      expect(replies[0]!.text).toContain('<b>Acme Labs</b>');
      expect(await s.core.db.prisma.processedEvent.count({ where: { eventId: String(ignored.update_id) } })).toBe(0);
      expect(await s.core.db.prisma.customer.count({ where: { name: 'Ignored Inc' } })).toBe(0);
    });

    test('invite links link a customer once, expire, and a linked customer gets no data', async () => {
      await s.converse(OPERATOR, 'called Jane at Acme Labs, intro call');
      const [invite] = await s.converse(OPERATOR, 'invite link for Jane at Acme Labs');
      const code = /https:\/\/t\.me\/crm_test_bot\?start=([A-Za-z0-9_-]+)/.exec(invite?.text ?? '')?.[1];
      expect(code, invite?.text).toBeDefined();

      expect((await s.converse(CUSTOMER, `/start ${code}`))[0]!.text).toContain("You're connected");
      const jane = await s.core.db.prisma.contact.findFirstOrThrow({ where: { name: 'Jane' }, select: { id: true } });
      expect(await s.core.db.prisma.chatIdentity.findFirst({ where: { platform: 'telegram', platformUserId: String(CUSTOMER.id) }, select: { contactId: true, chatId: true } }))
        .toEqual({ contactId: jane.id, chatId: String(CUSTOMER.id) });
      // Once: a second use fails.
      expect((await s.converse(OTHER_CUSTOMER, `/start ${code}`))[0]!.text).toContain('not valid any more');
      expect(await s.core.db.prisma.chatIdentity.count({ where: { platformUserId: String(OTHER_CUSTOMER.id) } })).toBe(0);

      // A linked customer can only answer surveys.
      for (const text of ['summary Acme Labs', 'summary Acme', "what's due?", 'log call with Acme Labs: hi']) {
        const [answer] = await s.converse(CUSTOMER, text);
        expect(answer?.text).not.toMatch(/pricing|intro call|proposal|Stage|lead|Acme/);
      }
      expect(allText(s.fake.sentTo(CUSTOMER.id))).not.toMatch(/pricing|intro call|proposal/);

      // Expired: a code older than its 7 days fails.
      const [later] = await s.converse(OPERATOR, 'invite link for Jane at Acme Labs');
      const code2 = /start=([A-Za-z0-9_-]+)/.exec(later?.text ?? '')?.[1];
      s.clock.advance(8 * DAY_MS);
      expect((await s.converse(OTHER_CUSTOMER, `/start ${code2}`))[0]!.text).toContain('not valid any more');
      expect(await s.core.db.prisma.chatIdentity.count({ where: { platformUserId: String(OTHER_CUSTOMER.id) } })).toBe(0);
    });
  });
}
