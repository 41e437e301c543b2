import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/databases.ts';
import { daysAfter, startSchedulerHarness, textOf, type Delivered, type SchedulerHarness } from './support.ts';

const T0 = new Date('2026-11-24T15:00:00Z');
const titled = (title: string) => (d: Delivered[]) => d.filter((m) => m.reply.title === title);
const churnAlerts = titled('Churn risk');
const morning = titled('Morning digest');
const weekly = titled('Weekly digest');

describe.each(PROVIDERS)('churn alerts and digests on $name', ({ name, skip }) => {
  const provider = name as 'sqlite' | 'postgresql';
  let h: SchedulerHarness;
  afterEach(async () => {
    if (!skip) await h.close();
  });

  async function customer(name: string): Promise<number> {
    return (await h.core.db.prisma.customer.create({ data: { name, nameKey: name.toLowerCase() } })).id;
  }
  async function calls(customerId: number, dates: Date[]) {
    for (const occurredAt of dates) await h.core.db.prisma.interaction.create({ data: { customerId, kind: 'call', occurredAt, text: 'call' } });
  }
  async function nps(customerId: number, score: number, receivedAt: Date) {
    await h.core.db.prisma.surveyResponse.create({ data: { customerId, score, platform: 'telegram', receivedAt } });
  }

  it.skipIf(skip)('alerts once when risk crosses the threshold, with reasons and a next step; again only on a clear rise or after 14 days', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await h.core.db.prisma.workspace.update({ where: { id: 1 }, data: { churnAlertThreshold: 60 } });
    const acme = await customer('Acme');
    // Weekly calls for ten weeks, then 60 days of silence and a poor NPS.
    await calls(acme, Array.from({ length: 10 }, (_, i) => daysAfter(T0, -60 - 7 * i)));
    await nps(acme, 2, daysAfter(T0, -61));
    const globex = await customer('Globex');
    await calls(globex, Array.from({ length: 10 }, (_, i) => daysAfter(T0, -3 - 7 * i)));

    const first = churnAlerts(await h.tick());
    expect(first).toHaveLength(1);
    const text = textOf(first[0]!.reply);
    expect(text).toMatch(/^Churn risk\nAcme is at risk of churning: \d+\/100\./);
    expect(text).toContain('no contact for 60 days, usually every 7');
    expect(text).toContain('last NPS 2');
    expect(text).toMatch(/Next step: \S/);
    expect(churnAlerts(await h.tick(daysAfter(T0, 1)))).toEqual([]);

    // Worse: a 0 and three open tickets. The risk rises by 10 points or more: a new alert.
    await nps(acme, 0, daysAfter(T0, 1));
    for (const subject of ['export broken', 'invoice wrong', 'login fails']) {
      await h.core.db.prisma.ticket.create({ data: { customerId: acme, subject, openedAt: daysAfter(T0, 1) } });
    }
    const risen = churnAlerts(await h.tick(daysAfter(T0, 2)));
    expect(risen).toHaveLength(1);
    expect(risen[0]!.reply.text).toMatch(/\(up from \d+\)/);
    const alerts = await h.core.db.prisma.riskAlert.findMany({ orderBy: { id: 'asc' } });
    expect(alerts).toHaveLength(2);
    expect(alerts[1]!.risk - alerts[0]!.risk).toBeGreaterThanOrEqual(10);
    expect(alerts[0]!.reasons).toContain('last NPS 2');

    expect(churnAlerts(await h.tick(daysAfter(T0, 15)))).toEqual([]);
    expect(churnAlerts(await h.tick(daysAfter(T0, 16)))).toHaveLength(1);
    expect(await h.core.db.prisma.riskAlert.count({ where: { customerId: globex } })).toBe(0);
  });

  it.skipIf(skip)('the morning digest goes out at 08:00 New York time the day after the fall-back (13:00 UTC), once', async () => {
    h = await startSchedulerHarness(provider, { start: new Date('2026-11-01T17:00:00Z') });
    await h.say('add customer Acme');
    await h.core.db.prisma.followUp.create({ data: { title: 'call Acme about the renewal', dueAt: new Date('2026-11-01T18:00:00Z') } });
    await h.core.db.prisma.followUp.create({ data: { title: 'send the Globex quote', dueAt: new Date('2026-11-02T20:00:00Z') } });
    expect(morning(await h.tick(new Date('2026-11-02T12:59:00Z')))).toEqual([]);
    const digest = morning(await h.tick(new Date('2026-11-02T13:00:00Z')));
    expect(digest).toHaveLength(1);
    expect(digest[0]!.reply.text).toBe('Good morning! Follow-ups: 1 overdue, 1 due today.');
    expect(digest[0]!.reply.items).toEqual(['OVERDUE Sun, Nov 1, 1:00 PM: call Acme about the renewal', 'Mon, Nov 2, 3:00 PM: send the Globex quote']);
    expect(morning(await h.tick(new Date('2026-11-02T14:00:00Z')))).toEqual([]);
    // A bot started that afternoon does not send a "morning" digest.
    expect(morning(await h.tick(new Date('2026-11-03T18:00:00Z')))).toEqual([]);
  });

  it.skipIf(skip)('the morning digest goes out at 08:00 New York time on the spring-forward day (12:00 UTC)', async () => {
    h = await startSchedulerHarness(provider, { start: new Date('2026-03-07T17:00:00Z') });
    await h.core.db.prisma.followUp.create({ data: { title: 'call Acme', dueAt: new Date('2026-03-07T18:00:00Z') } });
    expect(morning(await h.tick(new Date('2026-03-08T11:59:00Z')))).toEqual([]);
    expect(morning(await h.tick(new Date('2026-03-08T12:00:00Z')))).toHaveLength(1);
  });

  it.skipIf(skip)('the weekly digest on Monday 08:00: interactions, follow-ups, NPS and its change, risers; once', async () => {
    // Monday 30 November 2026, 07:00 in New York.
    h = await startSchedulerHarness(provider, { start: new Date('2026-11-30T12:00:00Z') });
    const acme = await customer('Acme');
    await calls(acme, [new Date('2026-10-01T15:00:00Z'), new Date('2026-11-27T15:00:00Z')]);
    await nps(acme, 10, new Date('2026-11-10T15:00:00Z'));
    await nps(acme, 0, new Date('2026-11-28T15:00:00Z'));
    await h.core.db.prisma.followUp.create({ data: { title: 'overdue one', dueAt: new Date('2026-11-29T15:00:00Z'), customerId: acme } });
    await h.core.db.prisma.followUp.create({ data: { title: 'this week', dueAt: new Date('2026-12-02T15:00:00Z'), customerId: acme } });

    expect(weekly(await h.tick(new Date('2026-11-30T12:59:00Z')))).toEqual([]);
    const digest = weekly(await h.tick(new Date('2026-11-30T13:00:00Z')));
    expect(digest).toHaveLength(1);
    const text = textOf(digest[0]!.reply);
    expect(text).toContain('Your week since Nov 23.');
    expect(text).toContain('New interactions: 1 (most with Acme 1)');
    expect(text).toContain('Follow-ups: 1 overdue, 1 due in the next 7 days');
    expect(text).toContain('NPS: 0 from 2 answers in the last 90 days, -100 on the week');
    expect(text).toMatch(/Risk rose: Acme \d+→\d+/);
    expect(weekly(await h.tick(new Date('2026-11-30T16:00:00Z')))).toEqual([]);
    expect(weekly(await h.tick(new Date('2026-12-01T13:00:00Z')))).toEqual([]);
  });
});
