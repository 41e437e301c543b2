import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DISCORD, type SentMessage } from '../fakes/discord-fake.ts';
import { PROVIDERS } from '../support/databases.ts';
import { buttonsOf, startDiscordStack, textOf, USERS, type DiscordStack } from './discord-support.ts';

const REFUSAL = 'Sorry, I only work for the owner of this workspace.';
const all = (messages: SentMessage[]) => messages.map(textOf).join('\n');

describe.each(PROVIDERS)('Discord on the real discord.js against the fake ($name)', ({ name, skip }) => {
  let s: DiscordStack;
  beforeAll(async () => {
    if (!skip) s = await startDiscordStack(name);
  });
  afterAll(async () => {
    await s?.close();
  });

  it.skipIf(skip)('logs a call, answers a question with a button, shows the summary and completes a follow-up', async () => {
    const { operator } = USERS;
    expect(s.fake.identifies[0]).toMatchObject({ token: '<valid>', intents: expect.any(Number) });
    expect(all(await s.say(operator, 'add customer Acme Corp'))).toContain('Added customer Acme Corp');
    const added = await s.say(operator, 'add customer Acme Labs');
    expect(buttonsOf(added[0]!)).toEqual([{ label: 'Undo', customId: expect.stringMatching(/^do:undo:\d+$/) }]);

    const logged = await s.say(operator, 'log call with Acme Labs: discussed pricing', 'channel');
    expect(all(logged)).toContain('Logged call with Acme Labs');

    const [question] = await s.say(operator, 'summary Acme', 'channel');
    expect(textOf(question!)).toContain('Which Acme?');
    expect(buttonsOf(question!).map((b) => b.label)).toEqual(['Acme Corp', 'Acme Labs', 'Cancel']);
    const summary = await s.press(operator, question!, 'Acme Labs');
    expect(all(summary)).toContain('discussed pricing');
    expect(summary[0]!.via).toBe('follow-up');
    const press = [...s.fake.interactions.values()].at(-1)!;
    expect(press.ackType).toBe(6);
    expect(press.ackAtMs! - press.dispatchedAtMs).toBeLessThan(3_000);

    expect(all(await s.say(operator, 'remind me to send the proposal to Acme Labs tomorrow at 10am', 'thread'))).toContain('Reminder set');
    const [due] = await s.say(operator, "what's due?", 'thread');
    expect(due!.channelId).toBe(FAKE_DISCORD.threadId);
    expect(textOf(due!)).toContain('send the proposal');
    expect(buttonsOf(due!).map((b) => b.label)).toEqual(['Done', 'Snooze 1 day']);
    expect(all(await s.press(operator, due!, 'Done'))).toContain('Done: “send the proposal”');
    expect(await s.core.db.prisma.followUp.count({ where: { completedAt: null } })).toBe(0);
    expect(s.fake.calls.filter((c) => c.status >= 400)).toEqual([]);
  });

  it.skipIf(skip)('refuses every command from a stranger with no CRM data', async () => {
    const { operator, stranger } = USERS;
    await s.say(operator, 'add customer Initech');
    await s.say(operator, 'log call with Initech: secret roadmap for 2027');
    const [undoable] = await s.say(operator, 'log call with Initech: confidential budget');
    const customersBefore = await s.core.db.prisma.customer.count();
    const interactionsBefore = await s.core.db.prisma.interaction.count();

    const answers: SentMessage[] = [];
    for (const text of ['summary Initech', "what's due?", 'add customer Evil Corp', 'log call with Initech: hacked', 'help', 'undo', 'export customers']) {
      answers.push(...(await s.say(stranger, text)));
    }
    answers.push(...(await s.say(stranger, 'summary Initech', 'channel')));
    answers.push(...(await s.slash(stranger, 'summary Initech')));
    answers.push(...(await s.press(stranger, undoable!, 'Undo')));

    expect(answers).toHaveLength(10);
    for (const a of answers) expect(textOf(a)).toBe(REFUSAL);
    expect(all(answers)).not.toMatch(/Initech|roadmap|budget|Acme/);
    expect(await s.core.db.prisma.customer.count()).toBe(customersBefore);
    expect(await s.core.db.prisma.interaction.count()).toBe(interactionsBefore);
  });

  it.skipIf(skip)('answers /crm within the deadline by deferring, then editing the reply', async () => {
    const { operator } = USERS;
    const answers = await s.slash(operator, 'summary Initech');
    const ix = [...s.fake.interactions.values()].at(-1)!;
    expect(ix.ackType).toBe(5);
    expect(ix.ackAtMs! - ix.dispatchedAtMs).toBeLessThan(3_000);
    expect(answers[0]!.via).toBe('edit');
    expect(answers[0]!.id).toBe(ix.originalId);
    expect(all(answers)).toContain('secret roadmap for 2027');
    const callback = s.fake.calls.find((c) => c.path.startsWith(`/interactions/${ix.id}/`))!;
    expect(callback.auth).toBeUndefined();
    // In a server, CRM data is shown to the operator only; so is what its buttons lead to.
    expect(callback.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(answers[0]!.object.flags).toBe(64);
    const [added] = await s.slash(operator, 'add customer Hooli');
    const undone = await s.press(operator, added!, 'Undo');
    expect(undone[0]).toMatchObject({ via: 'follow-up', body: { flags: 64 } });
    expect(textOf(undone[0]!)).toContain('Undone');

    const inDm = await s.slash(operator, 'add customer Umbrella', 'dm');
    expect(inDm[0]!.channelId).toBe(s.fake.dmChannelOf(operator));
    expect(inDm[0]!.object.flags).toBe(0);
    expect(all(inDm)).toContain('Added customer Umbrella');
    // A button under an edited /crm reply still works: it comes back as its own interaction.
    expect(all(await s.press(operator, inDm[0]!, 'Undo'))).toContain('Undone');
  });

  it.skipIf(skip)('logs an event delivered three times once', async () => {
    const { operator } = USERS;
    const payload = s.fake.message(operator, 'log call with Initech: delivered three times', { in: 'dm' });
    for (let i = 0; i < 3; i += 1) s.fake.deliver(payload);
    const slash = s.fake.slashCommand(operator, 'log call with Initech: slash delivered three times', 'dm');
    s.fake.redeliverInteraction(slash);
    s.fake.redeliverInteraction(slash);
    // Messages of one chat are handled in order, so once this is answered the copies above are done.
    await s.say(operator, "what's due?");
    const prisma = s.core.db.prisma;
    expect(await prisma.interaction.count({ where: { text: { contains: 'delivered three times' } } })).toBe(2);
    expect(await prisma.processedEvent.count({ where: { eventId: { in: [payload.id, slash.id] } } })).toBe(2);
    const confirmations = s.fake.sentTo(s.fake.dmChannelOf(operator)).filter((m) => textOf(m).includes('delivered three times'));
    expect(confirmations).toHaveLength(2);
  });

  it.skipIf(skip)('honours a 429 retry-after and a 5xx, and the message still arrives', async () => {
    const { operator } = USERS;
    const dm = s.fake.dmChannelOf(operator);
    s.fake.rateLimitNext(1, 1);
    const started = Date.now();
    const answers = await s.say(operator, 'summary Umbrella');
    expect(all(answers)).toContain('Umbrella');
    const posts = s.fake.calls.filter((c) => c.path === `/channels/${dm}/messages` && c.atMs >= started);
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[1]!.atMs - posts[0]!.atMs).toBeGreaterThanOrEqual(1_000);

    s.fake.failNext(1, 503);
    const afterOutage = await s.say(operator, 'summary Initech');
    expect(all(afterOutage)).toContain('Initech');
    const failed = await s.core.db.prisma.outboxMessage.count({ where: { status: 'failed' } });
    expect(failed).toBe(0);
  });

  it.skipIf(skip)('refuses a linked customer’s “summary Acme”', async () => {
    const { operator, customer } = USERS;
    expect(all(await s.say(operator, 'new customer Globex, contact Jane jane@globex.io'))).toContain('Added customer Globex');
    expect(all(await s.say(operator, `link <@${customer.id}> to Jane at Globex`, 'channel'))).toContain('Linked that discord user to Jane at Globex');
    const identity = await s.core.db.prisma.chatIdentity.findFirst({ where: { platform: 'discord', platformUserId: customer.id } });
    expect(identity?.contactId).not.toBeNull();

    const answers = [...(await s.say(customer, 'summary Acme')), ...(await s.say(customer, 'summary Globex')), ...(await s.slash(customer, 'summary Acme Labs', 'dm'))];
    expect(answers).toHaveLength(3);
    expect(all(answers)).not.toMatch(/discussed pricing|Stage|jane@globex\.io|Interactions|Acme Labs/);
    for (const a of answers) expect(textOf(a)).toMatch(/only take survey answers|automated assistant/);
  });
});
