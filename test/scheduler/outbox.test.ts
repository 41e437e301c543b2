import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { createDelivery } from '../../src/core/delivery.ts';
import type { ClaimedMessage, OutgoingMessage } from '../../src/core/outbox.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { createOutbox } from '../../src/storage/outbox.ts';
import { createPrismaSchedulerStore } from '../../src/storage/prisma-scheduler-store.ts';
import { PROVIDERS, testDatabase, type TestDatabase } from '../support/databases.ts';
import { FakeChannel, startSchedulerHarness, until, type SchedulerHarness } from './support.ts';

const T = new Date('2026-11-24T15:00:00Z');

function messages(n: number, chats: number): OutgoingMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `test:${i}`, platform: 'console', chatId: `chat-${i % chats}`, kind: 'reminder' as const,
    reply: { tone: 'info' as const, text: `m${i}` }, notBefore: T,
  }));
}

/** Deliveries per message text, over several channels. */
function counts(channels: FakeChannel[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const m of channels.flatMap((c) => c.sent)) map.set(m.reply.text, (map.get(m.reply.text) ?? 0) + 1);
  return map;
}

/** A channel that yields before recording, so two deliverers really interleave. */
class SlowChannel extends FakeChannel {
  override async send(...args: Parameters<FakeChannel['send']>): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    return super.send(...args);
  }
}

describe.each(PROVIDERS)('outbox delivery on $name', ({ name, skip }) => {
  let target: TestDatabase;
  const open: Database[] = [];
  afterEach(async () => {
    if (skip) return;
    for (const db of open.splice(0)) await db.close();
    await target.drop();
  });

  async function twoInstances(): Promise<[Database, Database]> {
    target = testDatabase(name as 'sqlite' | 'postgresql');
    const a = await openDatabase(target.url);
    const b = await openDatabase(target.url);
    open.push(a, b);
    return [a, b];
  }

  it.skipIf(skip)('two instances racing over 1,000 due messages deliver each exactly once', async () => {
    const [a, b] = await twoInstances();
    expect(await createPrismaSchedulerStore(a, () => T).enqueue(messages(1_000, 25))).toBe(1_000);
    const clock = fixedClock(new Date(T.getTime() + 1_000));
    const channels = [new SlowChannel('console'), new SlowChannel('console')];
    const deliveries = [a, b].map((db, i) => createDelivery({
      outbox: createOutbox(db, () => clock.now()), channels: new Map([['console', channels[i]!]]), clock, options: { batchSize: 50 },
    }));
    await until(async () => {
      await Promise.all(deliveries.map((d) => d.drain()));
      return channels.reduce((n, c) => n + c.sent.length, 0) >= 1_000;
    }, 60_000);
    // Nothing is left to claim, and nothing was sent twice.
    expect(await Promise.all(deliveries.map((d) => d.deliverDue()))).toEqual([0, 0]);
    const perMessage = counts(channels);
    expect(perMessage.size).toBe(1_000);
    expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
    // Both instances did part of the work.
    expect(channels.every((c) => c.sent.length > 0)).toBe(true);
    expect(await a.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(1_000);
  }, 90_000);

  it.skipIf(skip)('a process killed between claim and send is followed by exactly one delivery after the lease', async () => {
    const [a, b] = await twoInstances();
    await createPrismaSchedulerStore(a, () => T).enqueue(messages(1, 1));
    const leaseMs = 60_000;
    // Instance A claims the message, then dies before sending or marking it.
    const claimed = await createOutbox(a, () => T).claimDue(T, 10, leaseMs);
    expect(claimed).toHaveLength(1);
    await a.close();
    open.splice(open.indexOf(a), 1);

    const clock = fixedClock(T);
    const channel = new FakeChannel('console');
    const delivery = createDelivery({ outbox: createOutbox(b, () => clock.now()), channels: new Map([['console', channel]]), clock, options: { leaseMs } });
    expect(await delivery.deliverDue()).toBe(0);
    clock.set(new Date(T.getTime() + leaseMs - 1));
    expect(await delivery.deliverDue()).toBe(0);
    clock.set(new Date(T.getTime() + leaseMs + 1));
    expect(await delivery.deliverDue()).toBe(1);
    clock.advance(10 * leaseMs);
    expect(await delivery.drain()).toBe(0);
    expect(channel.sent.map((m) => m.reply.text)).toEqual(['m0']);
  });
});

describe.each(PROVIDERS)('replies handed over at commit on $name', ({ name, skip }) => {
  let h: SchedulerHarness;
  afterEach(async () => {
    if (!skip) await h.close();
  });

  const operatorSays = (text: string, send: (m: ClaimedMessage[]) => void) => h.core.engine.handle(
    { platform: 'console', chatId: 'console', userId: 'operator', text, receivedAt: h.clock.now() },
    { viaOutbox: true, sendNow: { leaseMs: 60_000, send } },
  );

  it.skipIf(skip)('go out without a sweep, and are sent once', async () => {
    h = await startSchedulerHarness(name as 'sqlite' | 'postgresql');
    const handed: ClaimedMessage[][] = [];
    await operatorSays('add customer Acme', (m) => handed.push(m));
    expect(handed.map((m) => m.map((x) => x.reply.text))).toEqual([['Added customer Acme.']]);
    expect(await h.delivery.sendClaimed(handed[0]!)).toBe(1);
    h.clock.set(new Date(h.clock.now().getTime() + 120_000));
    expect(await h.delivery.deliverDue()).toBe(0);
    expect(h.channels.get('console')!.sent.map((m) => m.reply.text)).toEqual(['Added customer Acme.']);
  });

  it.skipIf(skip)('are sent by a sweep after their lease when the process died before sending them', async () => {
    h = await startSchedulerHarness(name as 'sqlite' | 'postgresql');
    await operatorSays('add customer Acme', () => undefined);
    expect(await h.delivery.deliverDue()).toBe(0);
    h.clock.set(new Date(h.clock.now().getTime() + 61_000));
    expect(await h.delivery.deliverDue()).toBe(1);
    expect(h.channels.get('console')!.sent.map((m) => m.reply.text)).toEqual(['Added customer Acme.']);
  });
});

describe('sends to one chat', () => {
  it('keep their order when a later reply is handed over while an earlier one is still being sent', async () => {
    const target = testDatabase('sqlite');
    const db = await openDatabase(target.url);
    try {
      const sent: string[] = [];
      let releaseFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => { releaseFirst = resolve; });
      const channel = new FakeChannel('console');
      channel.send = async (_target, reply) => {
        if (reply.text === 'first') await firstHeld;
        sent.push(reply.text);
      };
      const delivery = createDelivery({ outbox: createOutbox(db, () => T), channels: new Map([['console', channel]]), clock: fixedClock(T) });
      const claimed = (id: number, text: string): ClaimedMessage => ({
        id, key: `k${id}`, platform: 'console', chatId: 'chat', kind: 'reply', reply: { tone: 'info', text }, notBefore: T, attempts: 1,
      });
      const first = delivery.sendClaimed([claimed(1, 'first')]);
      const second = delivery.sendClaimed([claimed(2, 'second')]);
      const other = delivery.sendClaimed([{ ...claimed(3, 'other chat'), chatId: 'elsewhere' }]);
      await other;
      expect(sent).toEqual(['other chat']);
      releaseFirst();
      await Promise.all([first, second]);
      expect(sent).toEqual(['other chat', 'first', 'second']);
    } finally {
      await db.close();
      await target.drop();
    }
  });
});
