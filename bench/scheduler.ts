/**
 * Benchmark: deliver 10,000 due messages through a fake channel with one and with two instances
 * sharing one PostgreSQL database, and count duplicates. Targets: under 60 s each, zero duplicates.
 * Run with `npm run bench:scheduler`; PostgreSQL from TEST_POSTGRES_URL, else
 * postgresql://postgres@127.0.0.1:5432/test. Each run uses a fresh schema and drops it.
 *
 * Two workloads per instance count:
 * - reminders: 10,000 due follow-ups, queued by the reminder sweep (every instance runs it at
 *   once) and delivered to the one operator chat, so sends to that chat go one at a time;
 * - surveys: 10,000 messages queued directly over 500 customer chats, delivered in parallel per chat.
 */

import pg from 'pg';
import type { Channel, Target } from '../src/core/channel.ts';
import { systemClock } from '../src/core/clock.ts';
import { createDelivery } from '../src/core/delivery.ts';
import type { OutgoingMessage } from '../src/core/outbox.ts';
import type { Reply } from '../src/core/reply.ts';
import { sweepReminders } from '../src/scheduler/reminders.ts';
import { openDatabase, type Database } from '../src/storage/database.ts';
import { createPrismaOutbox } from '../src/storage/prisma-outbox.ts';
import { createPrismaSchedulerStore } from '../src/storage/prisma-scheduler-store.ts';

const MESSAGES = 10_000;
const SURVEY_CHATS = 500;
const TARGET_SECONDS = 60;
const TIMEOUT_MS = 180_000;
const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** Counts every send per message text (each message's text is unique). */
class CountingChannel implements Channel {
  readonly platform = 'console';
  constructor(private readonly counts: Map<string, number>) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(_target: Target, reply: Reply): Promise<void> {
    this.counts.set(reply.text, (this.counts.get(reply.text) ?? 0) + 1);
  }
}

interface Result {
  workload: string;
  instances: number;
  queueSeconds: number;
  deliverSeconds: number;
  delivered: number;
  duplicates: number;
  missing: number;
}

async function withSchema<T>(body: (url: string) => Promise<T>): Promise<T> {
  const schema = `bench_sched_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = new URL(SERVER);
  url.searchParams.set('schema', schema);
  try {
    return await body(url.toString());
  } finally {
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

async function run(workload: 'reminders' | 'surveys', instances: number): Promise<Result> {
  return withSchema(async (url) => {
    const dbs: Database[] = [];
    try {
      for (let i = 0; i < instances; i += 1) dbs.push(await openDatabase(url));
      const first = dbs[0]!;
      const due = new Date(Date.now() - 60_000);
      if (workload === 'reminders') {
        await first.prisma.followUp.createMany({ data: Array.from({ length: MESSAGES }, (_, i) => ({ title: `task ${i}`, dueAt: due })) });
      }
      const queueStart = performance.now();
      if (workload === 'reminders') {
        await Promise.all(dbs.map((db) => sweepReminders(new Date(), { store: createPrismaSchedulerStore(db), operators: [], platforms: new Set(['console']) })));
      } else {
        const messages: OutgoingMessage[] = Array.from({ length: MESSAGES }, (_, i) => ({
          key: `bench:${i}`, platform: 'console', chatId: `chat-${i % SURVEY_CHATS}`, kind: 'survey', reply: { tone: 'question', text: `survey ${i}` }, notBefore: due,
        }));
        await createPrismaSchedulerStore(first).enqueue(messages);
      }
      const queueSeconds = (performance.now() - queueStart) / 1000;
      const queued = await first.prisma.outboxMessage.count();
      if (queued !== MESSAGES) throw new Error(`${queued} messages queued instead of ${MESSAGES}`);

      const counts = new Map<string, number>();
      const channels = new Map([['console', new CountingChannel(counts)]]);
      const deliveries = dbs.map((db) => createDelivery({ outbox: createPrismaOutbox(db), channels, clock: systemClock }));
      const deliverStart = performance.now();
      const sent = () => [...counts.values()].reduce((a, b) => a + b, 0);
      while (sent() < MESSAGES) {
        if (performance.now() - deliverStart > TIMEOUT_MS) break;
        await Promise.all(deliveries.map((d) => d.drain()));
      }
      const deliverSeconds = (performance.now() - deliverStart) / 1000;
      return {
        workload, instances, queueSeconds, deliverSeconds, delivered: sent(),
        duplicates: sent() - counts.size, missing: MESSAGES - counts.size,
      };
    } finally {
      for (const db of dbs) await db.close();
    }
  });
}

async function main(): Promise<void> {
  console.log(`Scheduler benchmark: ${MESSAGES.toLocaleString('en-US')} due messages, PostgreSQL ${SERVER.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
  const results: Result[] = [];
  for (const workload of ['reminders', 'surveys'] as const) {
    for (const instances of [1, 2]) {
      const r = await run(workload, instances);
      results.push(r);
      const ok = r.deliverSeconds < TARGET_SECONDS && r.duplicates === 0 && r.missing === 0;
      console.log(
        `${r.workload.padEnd(9)} ${r.instances} instance${r.instances === 1 ? ' ' : 's'}: queued in ${r.queueSeconds.toFixed(2)} s, `
        + `delivered ${r.delivered} in ${r.deliverSeconds.toFixed(2)} s (${Math.round(r.delivered / r.deliverSeconds)}/s), `
        + `duplicates ${r.duplicates}, missing ${r.missing} ${ok ? 'OK' : 'TARGET MISSED'}`,
      );
    }
  }
  if (results.some((r) => r.deliverSeconds >= TARGET_SECONDS || r.duplicates > 0 || r.missing > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench:scheduler failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
