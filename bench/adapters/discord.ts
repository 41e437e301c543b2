// Discord adapter benchmark: the real discord.js (gateway + REST) on the runtime against the fake Discord.
// Latency runs from the fake dispatching MESSAGE_CREATE on the gateway to the reply reaching its REST endpoint.
// Run alone: `npx tsx bench/adapters/discord.ts` (temp SQLite) or `… postgresql <DATABASE_URL with ?schema=…>`.
import { createDiscordChannel } from '../../adapters/discord/index.ts';
import { createCore } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { reply } from '../../src/core/reply.ts';
import { startRuntime } from '../../src/runtime.ts';
import { DiscordFake, FAKE_DISCORD, type FakeUser, type SentMessage } from '../../test/fakes/discord-fake.ts';
import { LEVELS, MESSAGES_PER_LEVEL, percentile, round, type AdapterBenchRow } from './shared.ts';

const REPLY_TIMEOUT_MS = 30_000;
/** Discord allows a bot 50 requests/s; the SDK enforces it locally. Lifted here to measure our own pipeline. */
const BENCH_GLOBAL_REQUESTS_PER_SECOND = 1_000_000;


/** Sends one message of one conversation and resolves with the ms until its reply reached the fake. */
type RoundTrip = (user: FakeUser, text: string) => Promise<number>;

/** Round trips against a fake: dispatch MESSAGE_CREATE in the user's DM, wait for the bot's next message there. */
function roundTrips(fake: DiscordFake): RoundTrip {
  // One waiter per DM channel: each conversation has at most one message in flight.
  const waiting = new Map<string, (m: SentMessage) => void>();
  fake.events.on('sent', (m: SentMessage) => {
    const resolve = waiting.get(m.channelId);
    waiting.delete(m.channelId);
    resolve?.(m);
  });
  return async (user, text) => {
    const dm = fake.dmChannelOf(user);
    const payload = fake.message(user, text);
    let timer: NodeJS.Timeout | undefined;
    const reply = new Promise<SentMessage>((resolve, reject) => {
      waiting.set(dm, resolve);
      timer = setTimeout(() => reject(new Error(`no reply in ${dm} within ${REPLY_TIMEOUT_MS} ms`)), REPLY_TIMEOUT_MS);
    });
    const started = performance.now();
    fake.deliver(payload);
    try {
      await reply;
    } finally {
      clearTimeout(timer);
    }
    return performance.now() - started;
  };
}

/** Warms every conversation up, then measures each level: all conversations at once, each waiting for its reply. */
async function measure(users: FakeUser[], roundTrip: RoundTrip): Promise<AdapterBenchRow[]> {
  // First contact registers the operator's chat and opens connections; keep it out of the figures.
  for (let i = 0; i < users.length; i += 20) {
    await Promise.all(users.slice(i, i + 20).map((u) => roundTrip(u, 'log call with Acme: warm-up')));
  }
  const rows: AdapterBenchRow[] = [];
  for (const level of LEVELS) {
    const perConversation = Math.ceil(MESSAGES_PER_LEVEL / level);
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(users.slice(0, level).map(async (user) => {
      for (let i = 0; i < perConversation; i += 1) latencies.push(await roundTrip(user, `log call with Acme: bench ${level}-${i}`));
    }));
    const seconds = (performance.now() - started) / 1000;
    rows.push({ concurrency: level, messages: latencies.length, messagesPerSecond: round(latencies.length / seconds), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) });
  }
  return rows;
}

/** The adapter alone: the handler answers at once, no engine, no database, no outbox. */
async function measureAdapterOnly(users: FakeUser[]): Promise<AdapterBenchRow[]> {
  const fake = await DiscordFake.start({ heartbeatIntervalMs: 5_000 });
  const channel = createDiscordChannel({ botToken: FAKE_DISCORD.token, applicationId: FAKE_DISCORD.applicationId, apiUrl: fake.apiUrl }, { globalRequestsPerSecond: BENCH_GLOBAL_REQUESTS_PER_SECOND });
  try {
    await channel.start((m) => channel.send({ chatId: m.chatId, threadId: m.threadId }, reply('ok', 'Logged call with Acme.', { choices: [{ label: 'Undo', value: 'do:undo' }] })));
    return await measure(users, roundTrips(fake));
  } finally {
    await channel.stop();
    await fake.close();
  }
}

/** Sustained messages per second and event-to-reply p50/p99 at 20 and 200 concurrent DM conversations. */
export async function benchDiscord(opts: { provider: 'sqlite' | 'postgresql'; databaseUrl: string }): Promise<{ platform: string; rows: AdapterBenchRow[]; notes: string[] }> {
  const users: FakeUser[] = Array.from({ length: Math.max(...LEVELS) }, (_, i) => ({ id: `3000000000000${String(i).padStart(5, '0')}`, username: `bench${i}` }));
  const fake = await DiscordFake.start({ heartbeatIntervalMs: 5_000 });
  const errors: string[] = [];
  const config = loadConfig({
    DATABASE_URL: opts.databaseUrl, CRM_TIME_ZONE: 'UTC', LOG_LEVEL: 'silent', DISCORD_OPERATOR_IDS: users.map((u) => u.id).join(','),
    DISCORD_BOT_TOKEN: FAKE_DISCORD.token, DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_API_URL: fake.apiUrl,
  });
  const log = { info: () => {}, error: (m: string, meta?: Record<string, unknown>) => void errors.push(meta?.error ? `${m}: ${String(meta.error)}` : m) };
  const core = await createCore(config, { log });
  const channel = createDiscordChannel(
    { botToken: config.DISCORD_BOT_TOKEN!, applicationId: config.DISCORD_APPLICATION_ID!, apiUrl: config.DISCORD_API_URL },
    { log, globalRequestsPerSecond: BENCH_GLOBAL_REQUESTS_PER_SECOND },
  );
  const runtime = await startRuntime(core, [channel], { port: 0, host: '127.0.0.1' });
  let rows: AdapterBenchRow[];
  try {
    const roundTrip = roundTrips(fake);
    await roundTrip(users[0]!, 'add customer Acme');
    rows = await measure(users, roundTrip);
  } finally {
    await runtime.stop();
    await core.close();
    await fake.close();
  }
  const notes: string[] = [];
  const at200 = rows.find((r) => r.concurrency === 200);
  if (at200 && opts.provider === 'sqlite') notes.push(`target p99 < 100 ms at 200 conversations on SQLite: ${at200.p99Ms < 100 ? 'met' : 'MISSED'}`);
  if (errors.length) notes.push(`${errors.length} errors logged during the run; first: ${errors[0]}`);
  const alone = await measureAdapterOnly(users);
  notes.push(`discord.js + adapter alone (handler answers at once; no engine, database or outbox): ${alone.map((r) => `${r.concurrency} conversations ${r.messagesPerSecond}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`).join('; ')}`);
  notes.push('Gateway MESSAGE_CREATE (DMs) in, REST channel messages out, real discord.js against the fake on 127.0.0.1; each conversation waits for its reply before sending the next; replies go through the outbox.');
  notes.push(`The SDK's local global limiter was raised from Discord's 50 requests/s to ${BENCH_GLOBAL_REQUESTS_PER_SECOND.toLocaleString('en-US')}/s: against real Discord one bot sends at most 50 messages/s (and 5 per 5 s per channel), whatever the CRM can do.`);
  return { platform: 'discord', rows, notes };
}

