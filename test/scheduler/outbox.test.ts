import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { createDelivery } from '../../src/core/delivery.ts';
import type { OutgoingMessage } from '../../src/core/outbox.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { createOutbox } from '../../src/storage/outbox.ts';
import { createPrismaSchedulerStore } from '../../src/storage/prisma-scheduler-store.ts';
import { PROVIDERS, testDatabase, type TestDatabase } from '../support/databases.ts';
import { FakeChannel, until } from './support.ts';

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
