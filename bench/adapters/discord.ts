// Discord adapter benchmark: the real discord.js (gateway + REST) on the runtime; the fake Discord
// and its users run in another process (discord-platform.ts).
import { createDiscordChannel } from '../../adapters/discord/index.ts';
import { createCore } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { reply } from '../../src/core/reply.ts';
import { startRuntime } from '../../src/runtime.ts';
import { FAKE_DISCORD } from '../../test/fakes/discord-fake.ts';
import type { DiscordPlatform } from './discord-platform.ts';
import { startPlatform, type Remote } from './platform-process.ts';
import { describeLoad, flatOut, LEVELS, PACED, row, type AdapterBenchResult, type AdapterBenchRow } from './shared.ts';

/** Discord allows a bot 50 requests/s; the SDK enforces it locally. Lifted here to measure our own pipeline. */
const BENCH_GLOBAL_REQUESTS_PER_SECOND = 1_000_000;

/** Warms every conversation up, then measures each level (paced, when asked, and flat out). */
async function measure(platform: Remote<DiscordPlatform>, paced: boolean): Promise<AdapterBenchRow[]> {
  await platform.warmUp();
  const rows: AdapterBenchRow[] = [];
  for (const level of LEVELS) {
    for (const load of paced ? [PACED, flatOut(level)] : [flatOut(level)]) {
      const { latencies, seconds } = await platform.converse(level, load, `bench ${level}`);
      rows.push(row(level, load, latencies, seconds));
    }
  }
  return rows;
}

/** The adapter alone: the handler answers at once, no engine, no database, no outbox. */
async function measureAdapterOnly(platform: Remote<DiscordPlatform>): Promise<AdapterBenchRow[]> {
  const { apiUrl } = await platform.start(Math.max(...LEVELS));
  const channel = createDiscordChannel({ botToken: FAKE_DISCORD.token, applicationId: FAKE_DISCORD.applicationId, apiUrl }, { globalRequestsPerSecond: BENCH_GLOBAL_REQUESTS_PER_SECOND });
  try {
    await channel.start((m) => channel.send({ chatId: m.chatId, threadId: m.threadId }, reply('ok', 'Logged call with Acme.', { choices: [{ label: 'Undo', value: 'do:undo' }] })));
    return await measure(platform, false);
  } finally {
    await channel.stop();
  }
}

/** Sustained messages per second and event-to-reply p50/p99 at 20 and 200 concurrent DM conversations. */
export async function benchDiscord(opts: { provider: 'sqlite' | 'postgresql'; databaseUrl: string }): Promise<AdapterBenchResult> {
  const platform = startPlatform<DiscordPlatform>(new URL('./discord-platform.ts', import.meta.url));
  try {
    const { apiUrl, userIds } = await platform.start(Math.max(...LEVELS));
    const errors: string[] = [];
    const config = loadConfig({
      DATABASE_URL: opts.databaseUrl, CRM_TIME_ZONE: 'UTC', LOG_LEVEL: 'silent', DISCORD_OPERATOR_IDS: userIds.join(','),
      DISCORD_BOT_TOKEN: FAKE_DISCORD.token, DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_API_URL: apiUrl,
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
      await platform.say(0, 'add customer Acme');
      rows = await measure(platform, true);
    } finally {
      await runtime.stop();
      await core.close();
    }
    const notes: string[] = [];
    if (errors.length) notes.push(`${errors.length} errors logged during the run; first: ${errors[0]}`);
    const alone = await measureAdapterOnly(platform);
    notes.push(`discord.js + adapter alone (handler answers at once; no engine, database or outbox): ${alone.map((r) => `${r.concurrency} conversations ${describeLoad(r.load)} ${r.messagesPerSecond}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`).join('; ')}`);
    notes.push('Gateway MESSAGE_CREATE (DMs) in, REST channel messages out, real discord.js; the fake Discord and its users run in another process on 127.0.0.1; replies go through the outbox.');
    notes.push(`The SDK's local global limiter was raised from Discord's 50 requests/s to ${BENCH_GLOBAL_REQUESTS_PER_SECOND.toLocaleString('en-US')}/s: against real Discord one bot sends at most 50 messages/s (and 5 per 5 s per channel), whatever the CRM can do.`);
    return { platform: 'discord', rows, notes };
  } finally {
    await platform.close().catch(() => undefined);
    await platform.stop();
  }
}
