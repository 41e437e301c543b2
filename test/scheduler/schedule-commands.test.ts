import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../src/core/command.ts';
import type { Outcome, UseCase } from '../../src/core/engine/types.ts';
import { scheduleReport, sendSurvey } from '../../src/core/use-cases/schedule.ts';
import { PROVIDERS } from '../support/databases.ts';
import { daysAfter, linkedContact, startSchedulerHarness, textOf, type SchedulerHarness } from './support.ts';

const T0 = new Date('2026-11-24T15:00:00Z');

describe.each(PROVIDERS)('schedule chat commands on $name', ({ name, skip }) => {
  const provider = name as 'sqlite' | 'postgresql';
  let h: SchedulerHarness;
  afterEach(async () => {
    if (!skip) await h.close();
  });

  /** Runs a use case the way the engine does: in one transaction, as the console operator. */
  function run<C extends Command>(useCase: UseCase<C>, cmd: C): Promise<Outcome> {
    const now = h.clock.now();
    return h.core.store.transaction({ actor: 'console:operator' }, async (tx) => {
      const outcome = await useCase(cmd, {
        tx, now, workspace: await tx.workspace(), actor: 'console:operator', resolved: {}, deps: h.core.deps,
        message: { platform: 'console', chatId: 'console', userId: 'operator', text: '', receivedAt: now },
        conv: { pending: null, lastCustomerId: null, lastFollowUpId: null },
      });
      return { value: outcome, summary: 'reply' in outcome ? outcome.summary : undefined };
    });
  }
  const text = (o: Outcome) => ('reply' in o ? o.reply.text : o.question.text);
  const surveysSent = <T extends { reply: { tone: string } }>(d: T[]): T[] => d.filter((m) => m.reply.tone === 'question');

  it.skipIf(skip)('"send the NPS survey to Acme" says when it goes out, and it does', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Jane Doe', userId: 'jane' });
    const outcome = await run(sendSurvey, { intent: 'send_survey', customer: 'Acme' });
    expect(text(outcome)).toBe('NPS survey queued for Jane Doe (telegram) within a minute.');
    expect(surveysSent(await h.tick(new Date(T0.getTime() + 30_000))).map((m) => m.chatId)).toEqual(['chat-jane']);
  });

  it.skipIf(skip)('tells the operator at once about quiet hours in the contact\'s zone', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Kenji Sato', userId: 'kenji', timeZone: 'Asia/Tokyo' });
    const outcome = await run(sendSurvey, { intent: 'send_survey', customer: 'Acme' });
    expect(text(outcome)).toBe('NPS survey queued for Kenji Sato (telegram) after quiet hours, Wed, Nov 25, 9:00 AM their time.');
    expect(surveysSent(await h.tick())).toEqual([]);
    expect(surveysSent(await h.tick(new Date('2026-11-25T00:00:00Z')))).toHaveLength(1);
  });

  it.skipIf(skip)('refuses within the no-repeat window, and while paused says it waits', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await linkedContact(h.core, { customer: 'Acme', contact: 'Jane Doe', userId: 'jane', purchasedAt: daysAfter(T0, -31) });
    expect(surveysSent(await h.tick())).toHaveLength(1);
    h.clock.set(daysAfter(T0, 5));
    const blocked = await run(sendSurvey, { intent: 'send_survey', customer: 'Acme' });
    expect('reply' in blocked && blocked.reply.tone).toBe('error');
    expect(text(blocked)).toContain('Not sent: Jane Doe got one on Nov 24, and no two surveys go to one person within 60 days');
    expect(await h.core.db.prisma.survey.count()).toBe(1);

    await linkedContact(h.core, { customer: 'Globex', contact: 'Bob Stone', userId: 'bob' });
    await h.core.db.prisma.workspace.update({ where: { id: 1 }, data: { surveysPaused: true } });
    const paused = await run(sendSurvey, { intent: 'send_survey', customer: 'Globex' });
    expect(text(paused)).toBe('NPS survey queued for Bob Stone (telegram) once surveys resume. Surveys are paused: say “resume surveys” to let it go out.');
  });

  it.skipIf(skip)('a linked contact who never wrote to the bot cannot be reached yet', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    const { contactId } = await linkedContact(h.core, { customer: 'Acme', contact: 'Jane Doe', userId: 'jane' });
    await h.core.db.prisma.chatIdentity.updateMany({ where: { contactId }, data: { chatId: null } });
    const outcome = await run(sendSurvey, { intent: 'send_survey', customer: 'Acme' });
    expect(text(outcome)).toBe('No contact at Acme can be reached yet. Jane Doe has not written to the bot yet, so I cannot reach them.');
  });

  it.skipIf(skip)('"what\'s scheduled?" lists the next reminders and when each proactive message goes out', async () => {
    h = await startSchedulerHarness(provider, { start: T0 });
    await h.say('add customer Acme');
    await h.say('remind me to send the proposal to Acme tomorrow at 10am');
    const outcome = await run(scheduleReport, { intent: 'schedule_report' });
    expect('reply' in outcome).toBe(true);
    const shown = textOf((outcome as { reply: Parameters<typeof textOf>[0] }).reply);
    expect(shown).toContain('Wed, Nov 25, 10:00 AM: send the proposal');
    expect(shown).toContain('Morning digest: daily at 8:00 AM');
    expect(shown).toContain('Weekly digest: Mondays at 8:00 AM');
    expect(shown).toContain('Churn check: daily at 9:00 AM; alerts at risk 70/100 or more');
    expect(shown).toContain('Quiet hours: 9:00 PM to 9:00 AM in each contact\'s time zone (else America/New_York)');
    expect(shown).toContain('never two to one person within 60 days; at most 50 a day');
  });
});
