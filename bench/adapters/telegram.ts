import { createTelegramChannel, telegramOptionsFromConfig } from '../../adapters/telegram/index.ts';
import { createCore, type Core } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { startRuntime } from '../../src/runtime.ts';
import { startPlatform } from './platform-process.ts';
import { describeLoad, flatOut, LEVELS, MESSAGES_PER_LEVEL, PACED, row, type AdapterBenchResult, type AdapterBenchRow, type Load } from './shared.ts';
import type { TelegramPlatform } from './telegram-platform.ts';

/** Messages per conversation before measuring, so caches and connections are warm. */
const WARM_UP_PER_CONVERSATION = 1;

/**
 * Telegram against its fake (in another process: telegram-platform.ts), long polling: each
 * conversation (its own chat and operator) sends "log call with Acme: bench N", paced or flat out
 * (shared.ts). A webhook run is in the notes.
 */
export async function benchTelegram(opts: { provider: 'sqlite' | 'postgresql'; databaseUrl: string }): Promise<AdapterBenchResult> {
  const rows: AdapterBenchRow[] = [];
  const notes: string[] = [];
  rows.push(...(await runMode(opts.databaseUrl, 'polling', LEVELS, (level) => [PACED, flatOut(level)])));
  const webhook = await runMode(opts.databaseUrl, 'webhook', [200], (level) => [PACED, flatOut(level, MESSAGES_PER_LEVEL / 2)]);
  for (const r of webhook) {
    notes.push(`webhook mode (at most 40 deliveries in flight, Telegram's default max_connections), ${r.concurrency} conversations, ${describeLoad(r.load)}: ${r.messages} messages, ${r.messagesPerSecond} msg/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
  }
  notes.push(`${opts.provider}; real grammY against the fake Bot API, which runs in another process on 127.0.0.1; every message is a database write (interaction, audit, dedupe row, outbox) and a sendMessage`);
  return { platform: 'telegram', rows, notes };
}

async function runMode(databaseUrl: string, mode: 'polling' | 'webhook', levels: readonly number[], loads: (level: number) => Load[]): Promise<AdapterBenchRow[]> {
  const platform = startPlatform<TelegramPlatform>(new URL('./telegram-platform.ts', import.meta.url));
  try {
    // Update ids differ per mode: both runs share the database, which drops ids it has seen.
    const fake = await platform.start(Math.max(...levels), mode === 'polling' ? 1 : 10_000_000);
    const config = loadConfig({
      DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_OPERATOR_IDS: fake.userIds.join(','),
      ...(mode === 'webhook' ? { TELEGRAM_WEBHOOK_SECRET: 'bench_secret', PUBLIC_URL: 'https://bench.example.com' } : {}),
    });
    // Errors are counted (by message, never with content) so a lost reply can be explained.
    const errors = new Map<string, number>();
    const log = { info: () => {}, error: (m: string, meta?: Record<string, unknown>) => { const k = `${m} ${JSON.stringify(meta ?? {})}`; errors.set(k, (errors.get(k) ?? 0) + 1); } };
    const channel = createTelegramChannel(telegramOptionsFromConfig(config)!, { log });
    const core = await createCore(config, { log, extra: { inviteLink: (code) => channel.inviteLink(code) } });
    const runtime = await startRuntime(core, [channel], { port: 0, host: '127.0.0.1' });
    try {
      if (mode === 'webhook') await platform.routeWebhooksTo(`http://127.0.0.1:${runtime.httpPort}`);
      await ensureCustomer(core);
      const rows: AdapterBenchRow[] = [];
      for (const concurrency of levels) {
        await platform.converse(concurrency, flatOut(concurrency, concurrency * WARM_UP_PER_CONVERSATION), 'warm up');
        for (const load of loads(concurrency)) {
          try {
            const run = await platform.converse(concurrency, load, 'bench');
            rows.push(row(concurrency, load, run.latencies, run.seconds));
          } catch (error) {
            const outbox = await core.db.prisma.outboxMessage.groupBy({ by: ['status'], _count: true });
            const seen = await core.db.prisma.processedEvent.count();
            throw new Error(`${mode}: ${error instanceof Error ? error.message : String(error)}; outbox ${JSON.stringify(outbox)}; ${seen} events handled, ${await platform.replies()} replies; errors logged: ${JSON.stringify([...errors])}`);
          }
        }
      }
      return rows;
    } finally {
      await runtime.stop();
      await core.close();
    }
  } finally {
    await platform.close().catch(() => undefined);
    await platform.stop();
  }
}

async function ensureCustomer(core: Core): Promise<void> {
  await core.engine.handle({ platform: 'console', chatId: 'console', userId: 'operator', text: 'add customer Acme', receivedAt: new Date() });
}
