import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/databases.ts';
import { daysAfter, linkedContact, secondInstance, startSchedulerHarness, textOf, type Delivered, type SchedulerHarness } from './support.ts';

/** Tuesday 24 Nov 2026, 10:00 in New York (the workspace's zone): not quiet hours. */
const T0 = new Date('2026-11-24T15:00:00Z');

const surveys = (d: Delivered[]) => d.filter((m) => m.reply.tone === 'question' && !m.reply.text.includes('reminder'));
const surveyReminders = (d: Delivered[]) => d.filter((m) => m.reply.text.includes('a quick reminder'));
const toChat = (d: Delivered[], chatId: string) => d.filter((m) => m.chatId === chatId);

describe.each(PROVIDERS)('NPS surveys on $name', ({ name, skip }) => {
  const provider = name as 'sqlite' | 'postgresql';
  let h: SchedulerHarness;
  afterEach(async () => {
    if (!skip) await h.close();
  });

  async function setRules(data: Record<string, number | boolean>) {
    await h.core.db.prisma.workspace.update({ where: { id: 1 }, data });
  }

  it.skipIf(skip)('cadence: first survey N days after the first purchase, then every M days, on the linked chat', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Jane Doe', userId: 'jane', purchasedAt: daysAfter(T0, -31) });
    await linkedContact(h.core, { customer: 'Globex', contact: 'Bob Stone', userId: 'bob', purchasedAt: daysAfter(T0, -10) });
    const first = surveys(await h.tick());
    expect(first.map((m) => m.chatId)).toEqual(['chat-jane']);
    expect(first[0]!.platform).toBe('telegram');
    expect(first[0]!.reply.text).toBe('Hi Jane! How likely are you to recommend My business to a friend or colleague?\nReply with a number from 0 (not at all likely) to 10 (extremely likely), and a few words on why if you like.');
    expect(surveys(await h.tick(daysAfter(T0, 1)))).toEqual([]);
    // Bob's customer bought 10 days before T0: due 20 days later.
    expect(surveys(await h.tick(daysAfter(T0, 19)))).toEqual([]);
    expect(surveys(await h.tick(daysAfter(T0, 20))).map((m) => m.chatId)).toEqual(['chat-bob']);
    expect(toChat(surveys(await h.tick(daysAfter(T0, 89))), 'chat-jane')).toEqual([]);
    expect(toChat(surveys(await h.tick(daysAfter(T0, 90))), 'chat-jane')).toHaveLength(1);
    expect(await h.core.db.prisma.survey.count({ where: { status: 'sent' } })).toBe(3);
  });

  it.skipIf(skip)('never twice within K days to one person, and tells the operator when that blocks an asked-for survey', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await setRules({ surveyEveryDays: 10, surveyMinGapDays: 60 });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Jane Doe', userId: 'jane', purchasedAt: daysAfter(T0, -31) });
    expect(surveys(await h.tick())).toHaveLength(1);
    expect(surveys(await h.tick(daysAfter(T0, 10)))).toEqual([]);

    // "send the NPS survey to Acme" is refused at once, with the reason, and nothing is queued.
    h.clock.set(daysAfter(T0, 11));
    const [answer] = await h.say('send the NPS survey to Acme');
    expect(answer!.tone).toBe('error');
    expect(answer!.text).toContain('Jane Doe got one on Nov 24, and no two surveys go to one person within 60 days (the earliest is Jan 23, 2027).');
    expect(surveys(await h.tick())).toEqual([]);
    expect(await h.core.db.prisma.survey.count({ where: { status: 'scheduled' } })).toBe(0);
    const later = await h.tick(daysAfter(T0, 12));
    expect(surveys(later)).toEqual([]);
    expect(later.filter((m) => m.reply.title === 'Survey not sent')).toEqual([]);

    expect(surveys(await h.tick(daysAfter(T0, 59)))).toEqual([]);
    expect(surveys(await h.tick(daysAfter(T0, 60)))).toHaveLength(1);
  });

  it.skipIf(skip)('quiet hours in the contact\'s zone when known, else the workspace\'s; delayed, never dropped', async () => {
    // Wednesday 02:30 UTC: 21:30 in New York (quiet), 11:30 in Tokyo.
    const start = new Date('2026-11-25T02:30:00Z');
    h = await startSchedulerHarness(provider, { start });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Kenji Sato', userId: 'kenji', timeZone: 'Asia/Tokyo', purchasedAt: daysAfter(start, -40) });
    await linkedContact(h.core, { customer: 'Globex', contact: 'Bob Stone', userId: 'bob', purchasedAt: daysAfter(start, -40) });
    expect(surveys(await h.tick()).map((m) => m.chatId)).toEqual(['chat-kenji']);
    expect(surveys(await h.tick(new Date('2026-11-25T13:59:00Z')))).toEqual([]);
    expect(surveys(await h.tick(new Date('2026-11-25T14:00:00Z'))).map((m) => m.chatId)).toEqual(['chat-bob']);

    // 22:00 in Tokyo: an asked-for survey waits for 09:00 there.
    // Kenji's survey is now old enough for another (past the 60-day window, not yet due by the 90-day cadence).
    await h.core.db.prisma.survey.updateMany({ where: { contactId: 1 }, data: { sentAt: daysAfter(start, -61) } });
    await h.core.db.prisma.survey.create({ data: { customerId: 1, contactId: 1, platform: 'telegram', status: 'scheduled' } });
    expect(surveys(await h.tick(new Date('2026-11-26T13:00:00Z')))).toEqual([]);
    expect(surveys(await h.tick(new Date('2026-11-26T23:59:00Z')))).toEqual([]);
    expect(surveys(await h.tick(new Date('2026-11-27T00:00:00Z'))).map((m) => m.chatId)).toEqual(['chat-kenji']);
  });

  it.skipIf(skip)('a detractor\'s answer is stored with its comment and alerts the operator at once; a promoter\'s does not', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Jane Doe', userId: 'jane', purchasedAt: daysAfter(T0, -31) });
    await linkedContact(h.core, { customer: 'Globex', contact: 'Bob Stone', userId: 'bob', purchasedAt: daysAfter(T0, -31) });
    expect(surveys(await h.tick())).toHaveLength(2);
    h.clock.advance(3_600_000);
    const answer = await h.inbound({ platform: 'telegram', userId: 'jane', chatId: 'chat-jane', text: '3 the onboarding was confusing', eventId: 'e1' });
    expect(toChat(answer, 'chat-jane').map((m) => m.reply.text)).toEqual(['Thank you for your answer! It really helps.']);
    const alert = toChat(answer, 'console');
    expect(alert).toHaveLength(1);
    expect(textOf(alert[0]!.reply)).toContain('Jane Doe at Acme answered the NPS survey with 3/10.');
    expect(textOf(alert[0]!.reply)).toContain('Comment: the onboarding was confusing');
    const stored = await h.core.db.prisma.surveyResponse.findFirstOrThrow({ where: { contactId: 1 } });
    expect(stored).toMatchObject({ score: 3, comment: 'the onboarding was confusing', platform: 'telegram' });
    expect((await h.core.db.prisma.survey.findFirstOrThrow({ where: { contactId: 1 } })).status).toBe('answered');

    const promoter = await h.inbound({ platform: 'telegram', userId: 'bob', chatId: 'chat-bob', text: '9', eventId: 'e2' });
    expect(toChat(promoter, 'console')).toEqual([]);
    // A re-delivered answer is not stored or alerted twice.
    expect(await h.inbound({ platform: 'telegram', userId: 'jane', chatId: 'chat-jane', text: '3 the onboarding was confusing', eventId: 'e1' })).toEqual([]);
    expect(await h.core.db.prisma.surveyResponse.count()).toBe(2);
  });

  it.skipIf(skip)('one reminder at most for an unanswered survey, and a late reply is still stored', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Jane Doe', userId: 'jane', purchasedAt: daysAfter(T0, -31) });
    expect(surveys(await h.tick())).toHaveLength(1);
    expect(surveyReminders(await h.tick(daysAfter(T0, 2)))).toEqual([]);
    const reminded = surveyReminders(await h.tick(daysAfter(T0, 3)));
    expect(reminded.map((m) => m.chatId)).toEqual(['chat-jane']);
    expect(surveyReminders(await h.tick(daysAfter(T0, 4)))).toEqual([]);
    h.clock.set(daysAfter(T0, 5));
    await h.inbound({ platform: 'telegram', userId: 'jane', chatId: 'chat-jane', text: '9 great support', eventId: 'late' });
    const stored = await h.core.db.prisma.surveyResponse.findFirstOrThrow();
    expect(stored).toMatchObject({ score: 9, comment: 'great support' });
    expect(stored.receivedAt.toISOString()).toBe(daysAfter(T0, 5).toISOString());
    expect((await h.core.db.prisma.survey.findFirstOrThrow()).status).toBe('answered');
    for (const d of [6, 8, 12]) expect(surveyReminders(await h.tick(daysAfter(T0, d)))).toEqual([]);
  });

  it.skipIf(skip)('a daily cap spreads a large import over several days', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await setRules({ surveyDailyCap: 2 });
    for (const n of [1, 2, 3, 4, 5]) await linkedContact(h.core, { customer: `Customer ${n}`, contact: `Person ${n}`, userId: `p${n}`, purchasedAt: daysAfter(T0, -40 + n) });
    expect(surveys(await h.tick()).map((m) => m.chatId)).toEqual(['chat-p1', 'chat-p2']);
    expect(surveys(await h.tick(new Date(T0.getTime() + 3_600_000)))).toEqual([]);
    expect(surveys(await h.tick(daysAfter(T0, 1))).map((m) => m.chatId)).toEqual(['chat-p3', 'chat-p4']);
    expect(surveys(await h.tick(daysAfter(T0, 2))).map((m) => m.chatId)).toEqual(['chat-p5']);
  });

  it.skipIf(skip)('paused surveys send nothing, asked-for ones included, until resumed', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Jane Doe', userId: 'jane', purchasedAt: daysAfter(T0, -31) });
    await linkedContact(h.core, { customer: 'Globex', contact: 'Bob Stone', userId: 'bob' });
    await h.say('pause surveys');
    await h.say('send the NPS survey to Globex');
    expect(surveys(await h.tick())).toEqual([]);
    expect(surveys(await h.tick(daysAfter(T0, 1)))).toEqual([]);
    await h.say('resume surveys');
    expect(surveys(await h.tick()).map((m) => m.chatId).sort()).toEqual(['chat-bob', 'chat-jane']);
  });

  it.skipIf(skip)('two instances sweeping at once send each survey once and keep the daily cap', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    const second = await secondInstance(h, provider);
    try {
      await setRules({ surveyDailyCap: 3 });
      for (const n of [1, 2, 3, 4, 5]) await linkedContact(h.core, { customer: `Customer ${n}`, contact: `Person ${n}`, userId: `p${n}`, purchasedAt: daysAfter(T0, -40) });
      await Promise.all([h.scheduler.runOnce(), second.scheduler.runOnce(), h.scheduler.runOnce(), second.scheduler.runOnce()]);
      await Promise.all([h.delivery.drain(), second.delivery.drain()]);
      const all = surveys([...h.channels.values(), ...second.channels.values()].flatMap((c) => c.sent));
      expect(all).toHaveLength(3);
      expect(new Set(all.map((m) => m.chatId)).size).toBe(3);
      expect(await h.core.db.prisma.survey.count()).toBe(3);
    } finally {
      await second.close();
    }
  });
});
