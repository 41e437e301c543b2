// npm run bench:engine — engine latency and throughput on SQLite and PostgreSQL with 10,000
// customers and 200,000 interactions stored, against the bare driver at the same durability and
// against single Prisma creates (the two references the issue quotes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { createCore, type Core } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { nameKey } from '../src/core/names.ts';

const CUSTOMERS = 10_000;
const INTERACTIONS = 200_000;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 2_000);
const WARM_UP = 500;
/**
 * Bare inserts made before measuring: past the bare database's first checkpoint (1,000 WAL pages), as
 * the log commands' warm-up takes theirs past their own. Until then each commit also grows the WAL
 * file, and its fsync costs about twice as much (4,000-5,000/s here instead of 7,500-8,000/s).
 */
const BARE_WARM_UP = 1_500;
/** Conversations sending log commands at once in the capacity run; each waits for its reply before its next. */
const CONVERSATIONS = 8;
/** Turns the log commands and the bare inserts take (see run()). */
const ROUNDS = 10;
const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** Names made of letters (the parser reads digits as amounts): "Bench Baaa", "Bench Caaa", ... */
const customerName = (i: number) => {
  let n = i;
  let word = '';
  for (let k = 0; k < 4; k += 1) {
    word += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  }
  return `Bench ${word.charAt(0).toUpperCase()}${word.slice(1)}`;
};
/** The i-th command's customer id: consecutive commands touch customers far apart, as a real day's would. */
const spreadCustomer = (i: number) => ((i * 7919) % CUSTOMERS) + 1;
const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Latencies (ms) and elapsed seconds of a run of commands. */
interface Run {
  times: number[];
  seconds: number;
}

async function measure(core: Core, label: string, text: (i: number) => string, from: number, count: number, chatId = 'bench'): Promise<Run> {
  const times: number[] = [];
  const start = performance.now();
  for (let i = from; i < from + count; i += 1) {
    const t0 = performance.now();
    const [r] = await core.engine.handle({ platform: 'console', chatId, userId: 'operator', text: text(i), receivedAt: new Date() });
    times.push(performance.now() - t0);
    if (!r || r.tone === 'error' || r.tone === 'question') throw new Error(`${label}: unexpected reply “${r?.text}”`);
  }
  return { times, seconds: (performance.now() - start) / 1000 };
}

/** `count` commands split among CONVERSATIONS chats talking at once: what group commit gives. */
async function measureAtOnce(core: Core, label: string, text: (i: number) => string, from: number, count: number): Promise<Run> {
  const start = performance.now();
  const each = Math.ceil(count / CONVERSATIONS);
  const runs = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, c) => measure(core, label, text, from + c * each, each, `bench-${c}`)));
  return { times: runs.flatMap((r) => r.times), seconds: (performance.now() - start) / 1000 };
}

function summarize(label: string, runs: Run[]): { label: string; perSecond: number; p50: number; p99: number } {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return { label, perSecond: times.length / seconds, p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function seedSqlite(path: string): Promise<void> {
  const db = new BetterSqlite3(path);
  const now = new Date();
  const insertCustomer = db.prepare('INSERT INTO "Customer" (name, nameKey, kind, stage, createdAt, updatedAt) VALUES (?, ?, \'company\', \'active\', ?, ?)');
  const insertInteraction = db.prepare('INSERT INTO "Interaction" (customerId, kind, occurredAt, text, createdAt) VALUES (?, \'call\', ?, ?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= CUSTOMERS; i += 1) insertCustomer.run(customerName(i), nameKey(customerName(i)), iso(now), iso(now));
    for (let i = 0; i < INTERACTIONS; i += 1) {
      insertInteraction.run((i % CUSTOMERS) + 1, iso(new Date(now.getTime() - (i % 365) * 86_400_000)), `seeded note ${i}`, iso(now));
    }
  })();
  db.close();
}

async function seedPostgres(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
  const now = new Date();
  await client.query(
    `INSERT INTO "Customer" (name, "nameKey", kind, stage, "createdAt", "updatedAt")
     SELECT n, lower(n), 'company', 'active', $1, $1 FROM unnest($2::text[]) n`,
    [now, Array.from({ length: CUSTOMERS }, (_, i) => customerName(i + 1))],
  );
  await client.query(
    `INSERT INTO "Interaction" ("customerId", kind, "occurredAt", text, "createdAt")
     SELECT (g % $2) + 1, 'call', $1::timestamp - ((g % 365) || ' days')::interval, 'seeded note ' || g, $1 FROM generate_series(0, $3 - 1) g`,
    [now, CUSTOMERS, INTERACTIONS],
  );
  await client.end();
}

/** Single-row insert transactions (bare driver or Prisma); each call inserts `count` rows and returns the seconds taken. */
type BareInserts = { insert(count: number): Promise<number>; close(): Promise<void> };

function bareSqlite(dir: string): BareInserts {
  const db = new BetterSqlite3(join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL, at TEXT NOT NULL)');
  const statement = db.prepare('INSERT INTO t (text, at) VALUES (?, ?)');
  return {
    async insert(count) {
      const start = performance.now();
      for (let i = 0; i < count; i += 1) statement.run(`row ${i}`, iso(new Date()));
      return (performance.now() - start) / 1000;
    },
    close: async () => { db.close(); },
  };
}

async function barePostgres(connectionString: string, schema: string): Promise<BareInserts> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
  await client.query('CREATE TABLE bare (id SERIAL PRIMARY KEY, text TEXT NOT NULL, at TIMESTAMP(3) NOT NULL)');
  return {
    async insert(count) {
      const start = performance.now();
      for (let i = 0; i < count; i += 1) await client.query('INSERT INTO bare (text, at) VALUES ($1, $2)', [`row ${i}`, new Date()]);
      return (performance.now() - start) / 1000;
    },
    close: () => client.end(),
  };
}

/**
 * The other reference the issue quotes: one Prisma 7 `interaction.create` at a time, each its own
 * transaction, on the engine's own database and connection, with no parsing, no audit entry and no
 * change set.
 */
function prismaCreates(core: Core): BareInserts {
  let made = 0;
  return {
    async insert(count) {
      const start = performance.now();
      for (const end = made + count; made < end; made += 1) {
        // Customers spread as the log commands' are, so the index pages they touch are as scattered.
        await core.db.prisma.interaction.create({ data: { customerId: spreadCustomer(made), kind: 'call', occurredAt: new Date(), text: `prisma create ${made}` } });
      }
      return (performance.now() - start) / 1000;
    },
    close: async () => undefined,
  };
}

async function run(provider: 'sqlite' | 'postgresql'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const schema = `bench_${process.pid}`;
  const url = provider === 'sqlite' ? `file:${join(dir, 'crm.db')}` : `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const config = loadConfig({ DATABASE_URL: url, CRM_TIME_ZONE: 'UTC', LOG_LEVEL: 'silent' });
  let core = await createCore(config);
  await core.close();
  const seedStart = performance.now();
  if (provider === 'sqlite') await seedSqlite(join(dir, 'crm.db'));
  else await seedPostgres(PG_URL, schema);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  core = await createCore(config);
  try {
    const pick = (i: number) => customerName(spreadCustomer(i));
    // Both commands are warmed up: the first log loads the sentiment word lists (about 200 ms, which
    // `crm start` loads before the first message) and prepares its statements.
    await measure(core, 'warm-up', (i) => `summary ${pick(i)}`, 0, WARM_UP);
    await measure(core, 'warm-up', (i) => `log call with ${pick(i)}: warm-up note ${i}`, SAMPLES, WARM_UP);
    // The disk's fsync rate drifts from second to second, so log commands and bare inserts take turns
    // in rounds: both see the same disk.
    const bare = provider === 'sqlite' ? bareSqlite(dir) : await barePostgres(PG_URL, schema);
    await bare.insert(BARE_WARM_UP);
    const creates = prismaCreates(core);
    await creates.insert(WARM_UP);
    const logRuns: Run[] = [];
    const atOnceRuns: Run[] = [];
    let bareSeconds = 0;
    let createSeconds = 0;
    const perRound = Math.ceil(SAMPLES / ROUNDS);
    const logText = (i: number) => `log call with ${pick(i)}: benchmark note ${i}`;
    for (let round = 0; round < ROUNDS; round += 1) {
      logRuns.push(await measure(core, 'log interaction', logText, round * perRound, perRound));
      bareSeconds += await bare.insert(perRound);
      atOnceRuns.push(await measureAtOnce(core, 'log interaction', logText, 2 * SAMPLES + round * perRound, perRound));
      bareSeconds += await bare.insert(perRound);
      createSeconds += await creates.insert(perRound);
    }
    await bare.close();
    const bareRate = (2 * perRound * ROUNDS) / bareSeconds;
    const createRate = (perRound * ROUNDS) / createSeconds;
    const log = summarize('log interaction', logRuns);
    const atOnce = summarize(`${CONVERSATIONS} chats at once`, atOnceRuns);
    const summary = summarize('summary', [await measure(core, 'summary', (i) => `summary ${pick(i + 1)}`, 0, SAMPLES)]);
    const stored = await core.db.prisma.interaction.count();
    console.log(`\n${provider}: ${CUSTOMERS.toLocaleString()} customers, ${stored.toLocaleString()} interactions stored at the end (seeded in ${seedSeconds.toFixed(1)} s); ${SAMPLES} samples each`);
    for (const m of [log, atOnce, summary]) {
      console.log(`  ${m.label.padEnd(16)} ${m.perSecond.toFixed(0).padStart(6)}/s   p50 ${m.p50.toFixed(2)} ms   p99 ${m.p99.toFixed(2)} ms`);
    }
    console.log(`  bare driver single-row insert transactions: ${bareRate.toFixed(0)}/s (same durability, in turns with the log commands)`);
    const percent = (rate: number, of: number) => `${((rate / of) * 100).toFixed(0)}%`;
    console.log(`  log interaction / bare driver: ${percent(log.perSecond, bareRate)} one chat at a time, ${percent(atOnce.perSecond, bareRate)} with ${CONVERSATIONS} chats at once (their commands share commits)`);
    console.log(`  Prisma single interaction.create, in the same turns: ${createRate.toFixed(0)}/s = ${percent(createRate, bareRate)} of bare; log interaction one chat at a time = ${percent(log.perSecond, createRate)} of it`);
    if (provider === 'sqlite') {
      const ok = (b: boolean) => (b ? 'met' : 'MISSED');
      console.log(`  targets: summary p99 < 15 ms ${ok(summary.p99 < 15)}; log p99 < 10 ms ${ok(log.p99 < 10)}; log throughput >= 40% of bare, one chat at a time ${ok(log.perSecond / bareRate >= 0.4)}`);
    }
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
    if (provider === 'postgresql') {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
}

await run('sqlite');
await run('postgresql').catch((error: unknown) => console.log(`\npostgresql: skipped (${error instanceof Error ? error.message : String(error)})`));
