import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/databases.ts';
import { startHarness, type Harness } from '../support/harness.ts';

/** Row counts of every table a command may write, to prove that bad input changes nothing. */
async function snapshot(h: Harness): Promise<Record<string, number>> {
  const p = h.core.db.prisma;
  return {
    customers: await p.customer.count(), contacts: await p.contact.count(), interactions: await p.interaction.count(),
    followUps: await p.followUp.count(), purchases: await p.purchase.count(), deals: await p.deal.count(),
    tickets: await p.ticket.count(), tags: await p.customerTag.count(), changeSets: await p.changeSet.count(),
  };
}

describe.each(PROVIDERS)('engine on $name', ({ name, skip }) => {
  let h: Harness;
  beforeEach(async () => {
    if (!skip) h = await startHarness(name as 'sqlite' | 'postgresql');
  });
  afterEach(async () => {
    if (!skip) await h.close();
  });

  it.skipIf(skip)('adds a customer, logs a call and shows it in the summary', async () => {
    expect(await h.ask('add customer Acme')).toBe('Added customer Acme.');
    expect(await h.ask('log call with Acme: discussed pricing')).toContain('Logged call with Acme');
    const summary = await h.ask('summary Acme');
    expect(summary).toContain('Acme');
    expect(summary).toContain('call: discussed pricing');
    const stored = await h.core.db.prisma.interaction.findFirstOrThrow();
    expect(stored).toMatchObject({ kind: 'call', text: 'discussed pricing' });
    expect(stored.occurredAt.toISOString()).toBe(h.clock.now().toISOString());
  });

  it.skipIf(skip)('adds a person as a customer who is also its own contact', async () => {
    expect(await h.ask('new client Tanvi Desai, tanvi@desaidesigns.in')).toBe('Added customer Tanvi Desai (a person, tanvi@desaidesigns.in).');
    const customer = await h.core.db.prisma.customer.findFirstOrThrow({ include: { contacts: true } });
    expect(customer).toMatchObject({ name: 'Tanvi Desai', kind: 'person', email: null });
    expect(customer.contacts).toMatchObject([{ name: 'Tanvi Desai', email: 'tanvi@desaidesigns.in' }]);
    expect(await h.ask('called Tanvi Desai, she wants a new logo')).toContain('Tanvi Desai');
    expect(await h.ask('summary Tanvi Desai')).toContain('she wants a new logo');
    expect(await h.ask('undo')).toContain('Undone: Logged call with Tanvi Desai:');
    await h.ask('undo');
    expect(await h.core.db.prisma.contact.count()).toBe(0);
    expect(await h.core.db.prisma.customer.count()).toBe(0);
  });

  it.skipIf(skip)('renames a customer, refuses a name that is taken, and undoes the rename', async () => {
    await h.ask('add customer Orbis Freight');
    await h.ask('add customer Globex');
    expect(await h.ask('Orbis Freight is now called Orbis Logistics Ltd.')).toBe('Updated Orbis Freight: name to Orbis Logistics Ltd.');
    expect(await h.ask('summary Orbis Logistics Ltd')).toContain('Orbis Logistics Ltd.');
    expect(await h.ask('rename Globex to orbis logistics ltd')).toContain('already exists');
    expect(await h.ask('undo')).toContain('Undone: Updated Orbis Freight');
    expect((await h.core.db.prisma.customer.findMany({ orderBy: { id: 'asc' } })).map((c) => c.name)).toEqual(['Orbis Freight', 'Globex']);
  });

  it.skipIf(skip)('confirms each write in one line with an undo button, only after it is stored', async () => {
    const [r] = await h.say('add customer Globex');
    expect(r!.tone).toBe('ok');
    expect(r!.text.split('\n')).toHaveLength(1);
    const changeSet = await h.core.db.prisma.changeSet.findFirstOrThrow();
    expect(r!.choices).toEqual([{ label: 'Undo', value: `do:undo:${changeSet.id}` }]);
    expect(await h.core.db.prisma.customer.count()).toBe(1);
  });

  it.skipIf(skip)('answers bad input in one line and leaves the database unchanged', async () => {
    await h.say('add customer Acme');
    const before = await snapshot(h);
    const bad = [
      'blorp zzkx qwv',
      'log call with Nonexistent Widgets: hello',
      '',
      'x'.repeat(100 * 1024),
      'Acme paid $-5',
      'Acme paid 12 XYZ',
      'remind me to call Acme yesterday at 10am',
    ];
    for (const text of bad) {
      const replies = await h.say(text);
      expect(replies, text.slice(0, 40)).toHaveLength(1);
      expect(replies[0]!.tone === 'error' || replies[0]!.tone === 'question', `${text.slice(0, 40)} → ${replies[0]!.text}`).toBe(true);
      expect(replies[0]!.text.split('\n')).toHaveLength(1);
      expect(replies[0]!.text).not.toMatch(/at .*\.ts:\d+|Error:/);
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it.skipIf(skip)('undo reverts a create, an update and a delete, one at a time, newest first', async () => {
    const p = h.core.db.prisma;
    await h.say('add customer Acme');
    await h.say('tag Acme as enterprise');
    await h.say("Acme's phone is +1 555 0100");
    await h.say('remove tag enterprise from Acme');
    expect(await p.customerTag.count()).toBe(0);

    expect(await h.ask('undo')).toContain('Undone');
    expect(await p.customerTag.count()).toBe(1);
    expect((await p.customer.findFirstOrThrow()).phone).toBe('+1 555 0100');

    await h.say('undo');
    expect((await p.customer.findFirstOrThrow()).phone).toBeNull();
    expect(await p.customerTag.count()).toBe(1);

    await h.say('undo');
    expect(await p.customerTag.count()).toBe(0);
    expect(await p.customer.count()).toBe(1);

    await h.say('undo');
    expect(await p.customer.count()).toBe(0);
    expect(await h.ask('undo')).toBe('Nothing to undo.');
  });

  it.skipIf(skip)('an Undo button reverts the change it was shown under and never a later one', async () => {
    const p = h.core.db.prisma;
    await h.say('add customer Acme');
    const undoAcme = await h.say('add customer Globex');
    await h.say("Globex's phone is +1 555 0100");
    // An old button: its change is no longer the latest, so nothing is undone.
    const [refused] = await h.say('', { button: { value: undoAcme[0]!.choices![0]!.value } });
    expect(refused!.tone).toBe('error');
    expect(refused!.text).toContain('no longer your latest');
    expect((await p.customer.findFirstOrThrow({ where: { name: 'Globex' } })).phone).toBe('+1 555 0100');
    // The latest confirmation's button works, once.
    const [undone] = await h.press('Undo');
    expect(undone!.text).toMatch(/^Undone: .*Globex.*phone/);
    expect((await p.customer.findFirstOrThrow({ where: { name: 'Globex' } })).phone).toBeNull();
    const again = await h.say('', { button: { value: `do:undo:${(await p.changeSet.findFirstOrThrow({ where: { kind: 'change', undoneAt: { not: null } } })).id}` } });
    expect(again[0]!.tone).toBe('error');
    expect(await p.customer.count()).toBe(2);
  });

  it.skipIf(skip)('asks which customer when two names match, and never guesses', async () => {
    await h.say('add customer Acme Corp');
    await h.say('add customer Acme Labs');
    const [q] = await h.say('summary Acme');
    expect(q!.tone).toBe('question');
    expect(q!.choices!.map((c) => c.label)).toEqual(['Acme Corp', 'Acme Labs', 'Cancel']);
    const [summary] = await h.press('Acme Labs');
    expect(summary!.title).toBe('Acme Labs');
  });

  it.skipIf(skip)('accepts a typed answer to a question: a number, an ordinal or the name', async () => {
    await h.say('add customer Acme Corp');
    await h.say('add customer Acme Labs');
    await h.say('log call with Acme: pricing');
    const [r] = await h.say('the second one');
    expect(r!.text).toContain('Acme Labs');
    await h.say('log email with Acme: contract');
    const [r2] = await h.say('Acme Corp');
    expect(r2!.text).toContain('Acme Corp');
    expect(await h.core.db.prisma.interaction.count()).toBe(2);
  });

  it.skipIf(skip)('asks before creating a customer whose name is close to an existing one', async () => {
    await h.say('add customer Acme Labs');
    const [q] = await h.say('add customer Acme Lab');
    expect(q!.tone).toBe('question');
    expect(await h.core.db.prisma.customer.count()).toBe(1);
    await h.press('Add Acme Lab');
    expect(await h.core.db.prisma.customer.count()).toBe(2);
  });

  it.skipIf(skip)('cancel drops a pending question and changes nothing', async () => {
    await h.say('add customer Acme Labs');
    await h.say('add customer Acme Lab');
    expect(await h.ask('cancel')).toContain('Cancelled');
    expect(await h.core.db.prisma.customer.count()).toBe(1);
    expect(await h.ask('1')).toMatch(/did not understand|help/i);
  });

  it.skipIf(skip)('keeps a pending question across a restart', async () => {
    await h.say('add customer Acme Corp');
    await h.say('add customer Acme Labs');
    await h.say('summary Acme');
    await h.restart();
    const [r] = await h.say('2');
    expect(r!.title).toBe('Acme Labs');
  });

  it.skipIf(skip)('logs an interaction at a past time', async () => {
    await h.say('add customer Globex');
    await h.say('met Bob from Globex yesterday, they want the API');
    const i = await h.core.db.prisma.interaction.findFirstOrThrow({ include: { contact: true } });
    expect(i.kind).toBe('meeting');
    expect(i.contact?.name).toBe('Bob');
    expect(i.occurredAt.getTime()).toBeLessThan(h.clock.now().getTime() - 12 * 3600_000);
  });

  it.skipIf(skip)('creates a follow-up with a call note and refuses one in the past', async () => {
    await h.say('add customer Acme');
    const line = await h.ask('called Jane at Acme, worried about pricing, follow up next Tuesday');
    expect(line).toContain('Logged call with Jane (new contact) at Acme');
    expect(line).toContain('Follow-up set for Tue, Dec 1');
    const f = await h.core.db.prisma.followUp.findFirstOrThrow();
    expect(f.dueAt.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    const i = await h.core.db.prisma.interaction.findFirstOrThrow();
    expect(i.text).toBe('called Jane at Acme, worried about pricing, follow up next Tuesday');
  });

  it.skipIf(skip)('completes and snoozes follow-ups with buttons', async () => {
    await h.say('add customer Acme');
    await h.say('remind me to send the proposal to Acme tomorrow at 10am');
    const [list] = await h.say("what's due?");
    expect(list!.items![0]).toContain('send the proposal');
    await h.press('Snooze 1 day');
    const snoozed = await h.core.db.prisma.followUp.findFirstOrThrow();
    expect(snoozed.snoozeCount).toBe(1);
    expect(snoozed.dueAt.toISOString()).toBe('2026-11-26T15:00:00.000Z');
    await h.say("what's due?");
    await h.press('Done');
    expect((await h.core.db.prisma.followUp.findFirstOrThrow()).status).toBe('done');
  });

  it.skipIf(skip)('records money in minor units and reports the pipeline', async () => {
    await h.say('add customer Acme');
    expect(await h.ask('Acme paid $1,200 for the annual plan')).toBe('Recorded $1,200.00 from Acme for annual plan.');
    expect((await h.core.db.prisma.purchase.findFirstOrThrow()).amountMinor).toBe(120000);
    await h.say('add customer Initech');
    await h.say('new deal with Initech, 5k, proposal stage');
    const [pipeline] = await h.say('pipeline?');
    expect(pipeline!.fields!.map((f) => f.label)).toEqual(['proposal (1)']);
    expect(pipeline!.fields![0]!.value).toContain('$5,000.00');
    await h.say('Initech deal is won');
    expect((await h.core.db.prisma.deal.findFirstOrThrow()).stage).toBe('won');
  });

  it.skipIf(skip)('merges two customers keeping every record, and undo splits them again', async () => {
    const p = h.core.db.prisma;
    await h.say('add customer Acme Corp');
    await h.say('add customer Acme Incorporated');
    await h.press('Add Acme Incorporated').catch(() => undefined);
    await h.say('log call with Acme Incorporated: hello');
    await h.say('Acme Incorporated paid $100');
    await h.say('Acme Incorporated reports the export is broken');
    await h.say('merge Acme Incorporated into Acme Corp');
    await h.press('Merge into Acme Corp');
    const target = await p.customer.findFirstOrThrow({ where: { name: 'Acme Corp' } });
    expect(await p.customer.count()).toBe(1);
    expect(await p.interaction.count({ where: { customerId: target.id } })).toBe(1);
    expect(await p.purchase.count({ where: { customerId: target.id } })).toBe(1);
    expect(await p.ticket.count({ where: { customerId: target.id } })).toBe(1);
    await h.say('undo');
    expect(await p.customer.count()).toBe(2);
    expect(await p.interaction.count({ where: { customerId: target.id } })).toBe(0);
  });

  it.skipIf(skip)('drops a re-delivered event', async () => {
    await h.say('add customer Acme');
    for (let i = 0; i < 3; i += 1) await h.say('log call with Acme: once', { eventId: 'evt-1' });
    expect(await h.core.db.prisma.interaction.count()).toBe(1);
  });

  it.skipIf(skip)('refuses strangers without showing any data', async () => {
    await h.say('add customer Acme');
    await h.say('log call with Acme: secret pricing');
    for (const text of ['summary Acme', 'add customer Evil', 'undo', 'export customers', 'help']) {
      const replies = await h.say(text, { platform: 'slack', userId: 'U_STRANGER', chatId: 'D1' });
      expect(replies).toHaveLength(1);
      expect(replies[0]!.tone).toBe('refused');
      expect(JSON.stringify(replies)).not.toMatch(/Acme|pricing/);
    }
    expect(await h.core.db.prisma.customer.count()).toBe(1);
  });
});

describe('snoozing across a DST change', () => {
  it('keeps the wall-clock time: 10:00 before the fall-back is 10:00 the day after', async () => {
    const h = await startHarness('sqlite');
    try {
      h.clock.set(new Date('2026-10-30T12:00:00.000Z'));
      await h.say('remind me to call the bank tomorrow at 10am');
      const f = await h.core.db.prisma.followUp.findFirstOrThrow();
      expect(f.dueAt.toISOString()).toBe('2026-10-31T14:00:00.000Z');
      await h.say('snooze that');
      // New York falls back on Nov 1: 10:00 is now 15:00 UTC, not 24 hours later.
      expect((await h.core.db.prisma.followUp.findFirstOrThrow()).dueAt.toISOString()).toBe('2026-11-01T15:00:00.000Z');
    } finally {
      await h.close();
    }
  });
});
