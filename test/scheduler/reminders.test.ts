import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../../src/core/channel.ts';
import { PROVIDERS } from '../support/databases.ts';
import { secondInstance, startSchedulerHarness, textOf, type SchedulerHarness } from './support.ts';

const reminders = <T extends { reply: { text: string } }>(d: T[]): T[] => d.filter((m) => m.reply.text.startsWith('Reminder:'));

describe.each(PROVIDERS)('follow-up reminders on $name', ({ name, skip }) => {
  const provider = name as 'sqlite' | 'postgresql';
  let h: SchedulerHarness;
  afterEach(async () => {
    if (!skip) await h.close();
  });

  it.skipIf(skip)('fires at 10:00 New York time the day after the November fall-back (15:00 UTC, not 14:00)', async () => {
    // Sunday 1 Nov 2026, 09:00 EST: clocks went back at 2:00 this morning.
    h = await startSchedulerHarness(provider, { start: new Date('2026-11-01T14:00:00Z') });
    await h.say('add customer Acme');
    await h.say('remind me to send the proposal to Acme tomorrow at 10am');
    expect(reminders(await h.tick(new Date('2026-11-02T14:00:00Z')))).toEqual([]);
    expect(reminders(await h.tick(new Date('2026-11-02T14:59:59Z')))).toEqual([]);
    const fired = reminders(await h.tick(new Date('2026-11-02T15:00:00Z')));
    expect(fired).toHaveLength(1);
    expect(textOf(fired[0]!.reply)).toContain('Reminder: send the proposal (Acme)');
    expect(textOf(fired[0]!.reply)).toContain('Due: Mon, Nov 2, 10:00 AM');
    expect(fired[0]!.reply.choices?.map((c) => c.label)).toEqual(['Done', 'Snooze 1 day']);
    expect(reminders(await h.tick(new Date('2026-11-02T15:00:15Z')))).toEqual([]);
  });

  it.skipIf(skip)('fires at 10:00 New York time on the March spring-forward day (14:00 UTC, not 15:00)', async () => {
    // Saturday 7 Mar 2026, noon EST; clocks jump from 2:00 to 3:00 on Sunday.
    h = await startSchedulerHarness(provider, { start: new Date('2026-03-07T17:00:00Z') });
    await h.say('add customer Acme');
    await h.say('remind me to send the proposal to Acme tomorrow at 10am');
    expect(reminders(await h.tick(new Date('2026-03-08T13:59:59Z')))).toEqual([]);
    const fired = reminders(await h.tick(new Date('2026-03-08T14:00:00Z')));
    expect(fired).toHaveLength(1);
    expect(textOf(fired[0]!.reply)).toContain('Due: Sun, Mar 8, 10:00 AM');
  });

  it.skipIf(skip)('a bot stopped for 3 days sends each missed reminder exactly once on start', async () => {
    h = await startSchedulerHarness(provider);
    await h.say('add customer Acme');
    await h.say('remind me to send the proposal to Acme tomorrow at 10am');
    const p = h.core.db.prisma;
    await p.followUp.create({ data: { title: 'renew the Globex contract', dueAt: new Date('2026-11-26T14:00:00Z') } });
    await p.followUp.create({ data: { title: 'call Initech back', dueAt: new Date('2026-11-27T20:00:00Z') } });
    await p.followUp.create({ data: { title: 'not due yet', dueAt: new Date('2026-11-28T15:00:00Z') } });
    expect(reminders(await h.tick())).toEqual([]);

    // Down from Tuesday to Friday evening.
    h.clock.set(new Date('2026-11-27T23:00:00Z'));
    await h.restart();
    await h.scheduler.start();
    await h.scheduler.stop();
    await h.delivery.drain();
    const sent = reminders([...h.channels.values()].flatMap((c) => c.sent));
    expect(sent.map((m) => m.reply.text).sort()).toEqual([
      'Reminder: call Initech back', 'Reminder: renew the Globex contract', 'Reminder: send the proposal (Acme)',
    ]);
    expect(textOf(sent.find((m) => m.reply.text.includes('proposal'))!.reply)).toContain('Was due: Wed, Nov 25, 10:00 AM');
    // A second start (or sweep) on the same day sends nothing again.
    await h.restart();
    expect(reminders(await h.tick())).toEqual([]);
    expect(reminders([...h.channels.values()].flatMap((c) => c.sent))).toHaveLength(3);
  });

  it.skipIf(skip)('monica #7675/#145: no duplicate reminders from repeated sweeps, a second instance, or snooze and undo', async () => {
    h = await startSchedulerHarness(provider);
    const second = await secondInstance(h, provider);
    try {
      await h.say('add customer Acme');
      await h.say('remind me to send the proposal to Acme tomorrow at 10am');
      const due = new Date('2026-11-25T15:00:00Z');
      h.clock.set(due);
      second.clock.set(due);
      await Promise.all([h.scheduler.runOnce(), second.scheduler.runOnce(), h.scheduler.runOnce(), second.scheduler.runOnce()]);
      await Promise.all([h.delivery.drain(), second.delivery.drain()]);
      const count = () => [...h.channels.values(), ...second.channels.values()].flatMap((c) => c.sent).filter((m) => m.reply.text.startsWith('Reminder:')).length;
      expect(count()).toBe(1);

      // Snooze moves it one day: one more reminder then; undoing the snooze does not resend the first.
      const id = (await h.core.db.prisma.followUp.findFirstOrThrow()).id;
      await h.core.engine.handle({ platform: 'console', chatId: 'console', userId: 'operator', text: '', button: { value: `do:snooze_followup:${id}` }, receivedAt: due });
      await h.tick(new Date('2026-11-25T16:00:00Z'));
      expect(count()).toBe(1);
      await h.tick(new Date('2026-11-26T15:00:00Z'));
      expect(count()).toBe(2);
      await h.say('undo');
      await h.tick(new Date('2026-11-26T15:01:00Z'));
      await second.tick(new Date('2026-11-26T15:01:00Z'));
      expect(count()).toBe(2);
    } finally {
      await second.close();
    }
  });

  it.skipIf(skip)('monica #389/#887: a reminder in Europe/Berlin fires at 10:00 Berlin time (09:00 UTC), not 10:00 UTC', async () => {
    h = await startSchedulerHarness(provider, { env: { CRM_TIME_ZONE: 'Europe/Berlin' } });
    await h.say('add customer Acme');
    await h.say('remind me to send the proposal to Acme tomorrow at 10am');
    expect(reminders(await h.tick(new Date('2026-11-25T08:59:59Z')))).toEqual([]);
    const fired = reminders(await h.tick(new Date('2026-11-25T09:00:00Z')));
    expect(fired).toHaveLength(1);
    expect(textOf(fired[0]!.reply)).toContain('Due: Wed, Nov 25, 10:00 AM');
    expect(reminders(await h.tick(new Date('2026-11-25T10:00:00Z')))).toEqual([]);
  });

  it.skipIf(skip)('monica #4178: a reminder never gets lost: no operator chat yet, then a failed send', async () => {
    h = await startSchedulerHarness(provider, { platforms: ['telegram'], env: { TELEGRAM_OPERATOR_IDS: '42' } });
    await h.core.db.prisma.followUp.create({ data: { title: 'call Acme', dueAt: new Date('2026-11-24T16:00:00Z') } });
    // Due, but the operator never wrote to the bot: nowhere to send it yet.
    expect(reminders(await h.tick(new Date('2026-11-24T16:00:00Z')))).toEqual([]);
    await h.inbound({ platform: 'telegram', userId: '42', chatId: 'op-chat', direct: true, text: 'help', eventId: 'u1' });
    const telegram = h.channels.get('telegram')!;
    telegram.failNext(new ChannelError('Telegram answered 502', 'unavailable'));
    expect(reminders(await h.tick(new Date('2026-11-24T16:05:00Z')))).toEqual([]);
    // The deliverer retries after its backoff (1 s here).
    h.clock.advance(1_000);
    await h.delivery.drain();
    const got = reminders(telegram.sent);
    expect(got).toHaveLength(1);
    expect(got[0]!.chatId).toBe('op-chat');
    await h.tick(new Date('2026-11-24T17:00:00Z'));
    expect(reminders(telegram.sent)).toHaveLength(1);
  });

  it.skipIf(skip)('goes to the operator\'s direct chat, never to a group they wrote in (reminders carry customer data)', async () => {
    h = await startSchedulerHarness(provider, { platforms: ['telegram'], env: { TELEGRAM_OPERATOR_IDS: '42' } });
    await h.core.db.prisma.followUp.create({ data: { title: 'call Acme', dueAt: new Date('2026-11-24T16:00:00Z') } });
    await h.inbound({ platform: 'telegram', userId: '42', chatId: 'team-group', direct: false, text: 'help', eventId: 'u1' });
    expect(reminders(await h.tick(new Date('2026-11-24T16:00:00Z')))).toEqual([]);
    await h.inbound({ platform: 'telegram', userId: '42', chatId: 'op-chat', direct: true, text: 'help', eventId: 'u2' });
    const fired = reminders(await h.tick(new Date('2026-11-24T16:05:00Z')));
    expect(fired.map((m) => m.chatId)).toEqual(['op-chat']);
  });

  it.skipIf(skip)('monica #2510: a reminder for later today fires today', async () => {
    h = await startSchedulerHarness(provider, { start: new Date('2026-11-24T14:00:00Z') });
    await h.say('add customer Acme');
    const [confirmation] = await h.say('remind me to call Acme today at 5pm');
    expect(confirmation!.text).toContain('Tue, Nov 24, 5:00 PM');
    expect(reminders(await h.tick(new Date('2026-11-24T21:59:00Z')))).toEqual([]);
    const fired = reminders(await h.tick(new Date('2026-11-24T22:00:00Z')));
    expect(fired.map((m) => m.reply.text)).toEqual(['Reminder: call (Acme)']);
  });
});
