import { performance } from 'node:perf_hooks';
import { createTelegramChannel, telegramOptionsFromConfig } from '../../adapters/telegram/index.ts';
import { createCore, type Core } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { startRuntime } from '../../src/runtime.ts';
import { TelegramFake, type FakeUser, type SentMessage } from '../../test/fakes/telegram-fake.ts';
import { LEVELS, MESSAGES_PER_LEVEL, percentile, round, type AdapterBenchRow } from './shared.ts';

/** Messages per conversation before measuring, so caches and connections are warm. */
const WARM_UP_PER_CONVERSATION = 1;
/** A reply slower than this fails the bench rather than hanging it, in ms. */
const REPLY_TIMEOUT_MS = 60_000;

/**
 * Telegram against its fake, long polling: each conversation (its own chat and operator) sends
 * "log call with Acme: bench N" and waits for the reply before the next; latency runs from the
 * fake handing the update over to the fake receiving sendMessage. A short webhook run is in the notes.
 */
export async function benchTelegram(opts: { provider: 'sqlite' | 'postgresql'; databaseUrl: string }): Promise<{ platform: string; rows: AdapterBenchRow[]; notes: string[] }> {
  const rows: AdapterBenchRow[] = [];
  const notes: string[] = [];
  const polling = await runMode(opts.databaseUrl, 'polling', LEVELS, MESSAGES_PER_LEVEL);
  rows.push(...polling);
  const webhook = await runMode(opts.databaseUrl, 'webhook', [200], MESSAGES_PER_LEVEL / 2);
  for (const r of webhook) {
    notes.push(`webhook mode (at most 40 deliveries in flight, Telegram's default max_connections), ${r.concurrency} conversations: ${r.messages} messages, ${r.messagesPerSecond} msg/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
  }
  notes.push(`${opts.provider}; real grammY against the local fake Bot API; every message is a database write (interaction, audit, dedupe row, outbox) and a sendMessage`);
  notes.push('closed loop: latency at N conversations is about N / throughput (Little\'s law), so p99 at 200 reflects how fast the database commits');
  return { platform: 'telegram', rows, notes };
}

async function runMode(databaseUrl: string, mode: 'polling' | 'webhook', levels: readonly number[], messagesPerLevel: number): Promise<AdapterBenchRow[]> {
  const maxUsers = Math.max(...levels);
  const users: FakeUser[] = Array.from({ length: maxUsers }, (_, i) => ({ id: 500_000 + i, first_name: `Bench${i}` }));
  // Update ids differ per mode: both runs share the database, which drops ids it has seen.
  const fake = await new TelegramFake({ firstUpdateId: mode === 'polling' ? 1 : 10_000_000 }).start();
  const config = loadConfig({
    DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_OPERATOR_IDS: users.map((u) => u.id).join(','),
    ...(mode === 'webhook' ? { TELEGRAM_WEBHOOK_SECRET: 'bench_secret', PUBLIC_URL: 'https://bench.example.com' } : {}),
  });
  // Errors are counted (by message, never with content) so a lost reply can be explained.
  const errors = new Map<string, number>();
  const log = { info: () => {}, error: (m: string, meta?: Record<string, unknown>) => { const k = `${m} ${JSON.stringify(meta ?? {})}`; errors.set(k, (errors.get(k) ?? 0) + 1); } };
  const channel = createTelegramChannel(telegramOptionsFromConfig(config)!, { log });
  const core = await createCore(config, { log, extra: { inviteLink: (code) => channel.inviteLink(code) } });
  const runtime = await startRuntime(core, [channel], { port: 0, host: '127.0.0.1' });
  if (mode === 'webhook') fake.routeWebhooksTo(`http://127.0.0.1:${runtime.httpPort}`);
  const waiting = new Map<string, (m: SentMessage) => void>();
  const stopListening = fake.onSent((m) => waiting.get(m.chatId)?.(m));
  try {
    await ensureCustomer(core);
    const rows: AdapterBenchRow[] = [];
    for (const concurrency of levels) {
      const talkers = users.slice(0, concurrency);
      const perConversation = Math.max(1, Math.round(messagesPerLevel / concurrency));
      let started = 0;
      let latencies: number[];
      try {
        await Promise.all(talkers.map((u) => converse(fake, waiting, u, WARM_UP_PER_CONVERSATION, 'warm up')));
        started = performance.now();
        latencies = (await Promise.all(talkers.map((u) => converse(fake, waiting, u, perConversation, 'bench')))).flat();
      } catch (error) {
        const outbox = await core.db.prisma.outboxMessage.groupBy({ by: ['status'], _count: true });
        const seen = await core.db.prisma.processedEvent.count();
        throw new Error(`${mode}: ${error instanceof Error ? error.message : String(error)}; outbox ${JSON.stringify(outbox)}; ${seen} events handled, ${fake.sent.length} replies; errors logged: ${JSON.stringify([...errors])}`);
      }
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      rows.push({
        concurrency, messages: latencies.length, messagesPerSecond: Math.round(latencies.length / seconds),
        p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)),
      });
    }
    return rows;
  } finally {
    stopListening();
    await runtime.stop();
    await core.close();
    await fake.close();
  }
}

/** One conversation: send, wait for the reply, repeat; returns each round trip in ms. */
async function converse(fake: TelegramFake, waiting: Map<string, (m: SentMessage) => void>, user: FakeUser, count: number, label: string): Promise<number[]> {
  const chatId = String(user.id);
  const latencies: number[] = [];
  for (let n = 0; n < count; n += 1) {
    const replied = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply within ${REPLY_TIMEOUT_MS} ms in chat ${chatId}`)), REPLY_TIMEOUT_MS);
      waiting.set(chatId, () => {
        clearTimeout(timer);
        waiting.delete(chatId);
        resolve(performance.now());
      });
    });
    // Rejections are read by the await below; this keeps one from counting as unhandled meanwhile.
    replied.catch(() => undefined);
    const sentAt = performance.now();
    await fake.deliver(fake.textUpdate(user, `log call with Acme: ${label} ${n}`));
    latencies.push((await replied) - sentAt);
  }
  return latencies;
}

async function ensureCustomer(core: Core): Promise<void> {
  await core.engine.handle({ platform: 'console', chatId: 'console', userId: 'operator', text: 'add customer Acme', receivedAt: new Date() });
}

