// Slack adapter benchmark: the real SDK (HTTP Events API) on the runtime; the fake Slack and its
// users run in another process (slack-platform.ts).
import { createSlackChannel, SLACK_EVENTS_PATH } from '../../adapters/slack/index.ts';
import { createCore } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { startHttpServer } from '../../src/http-server.ts';
import { startRuntime } from '../../src/runtime.ts';
import { FAKE_SLACK } from '../../test/fakes/slack-fake.ts';
import { startPlatform, type Remote } from './platform-process.ts';
import { describeLoad, flatOut, LEVELS, PACED, percentile, round, row, type AdapterBenchResult, type AdapterBenchRow } from './shared.ts';
import type { SlackPlatform } from './slack-platform.ts';

/** Events per level of the adapter-only ack measurement (no engine behind it). */
const ACK_ONLY_EVENTS = 1_000;

/** Sustained messages per second and event-to-reply p50/p99 at 20 and 200 conversations, plus Slack ack latency. */
export async function benchSlack(opts: { provider: 'sqlite' | 'postgresql'; databaseUrl: string }): Promise<AdapterBenchResult> {
  const users = Array.from({ length: Math.max(...LEVELS) }, (_, i) => `UBENCH${String(i).padStart(4, '0')}`);
  const platform = startPlatform<SlackPlatform>(new URL('./slack-platform.ts', import.meta.url));
  try {
    const { apiUrl } = await platform.start();
    const errors: string[] = [];
    const config = loadConfig({ DATABASE_URL: opts.databaseUrl, CRM_TIME_ZONE: 'UTC', LOG_LEVEL: 'silent', SLACK_OPERATOR_IDS: users.join(',') });
    const core = await createCore(config, { log: { info: () => {}, error: (m) => errors.push(m) } });
    const channel = createSlackChannel({ botToken: FAKE_SLACK.botToken, signingSecret: FAKE_SLACK.signingSecret, apiUrl });
    const runtime = await startRuntime(core, [channel], { port: 0, host: '127.0.0.1' });
    const rows: AdapterBenchRow[] = [];
    const notes: string[] = [];
    try {
      await platform.deliverTo(`http://127.0.0.1:${runtime.httpPort}${SLACK_EVENTS_PATH}`);
      await platform.roundTrip(users[0]!, 'add customer Acme');
      for (const level of LEVELS) {
        for (const load of [PACED, flatOut(level)]) {
          // One message per conversation first, at the level's concurrency, kept out of the figures:
          // first contact registers the operator's chat, and the fake opens one connection per
          // conversation. Those close after 5 idle seconds, so a flat-out run straight after a paced
          // one would open 200 at once, and a saturated Node server accepts some of them only after
          // 1-2 s (reproduced with a bare node:http server), which is not what is measured here.
          await platform.converse(users.slice(0, level), flatOut(level, level), `warm-up ${level}`);
          const { latencies, acks, seconds } = await platform.converse(users.slice(0, level), load, `bench ${level}`);
          rows.push(row(level, load, latencies, seconds));
          notes.push(`slack ack latency at ${level} conversations, ${describeLoad(load)} (signed HTTP request sent → HTTP 200 received): p50 ${round(percentile(acks, 50))} ms, p99 ${round(percentile(acks, 99))} ms over ${acks.length} requests${load.kind === 'paced' ? ` (target p99 < 50 ms: ${percentile(acks, 99) < 50 ? 'met' : 'MISSED'})` : ''}`);
        }
      }
    } finally {
      await runtime.stop();
      await core.close();
    }
    if (errors.length) notes.push(`${errors.length} errors logged during the run; first: ${errors[0]}`);
    notes.push(...(await ackOnly(platform)));
    notes.push('HTTP Events API mode, real @slack/bolt; the fake Slack and its users run in another process on 127.0.0.1; replies go through the outbox.');
    return { platform: 'slack', rows, notes };
  } finally {
    await platform.close().catch(() => undefined);
    await platform.stop();
  }
}

/** Ack latency of the adapter alone (signature check, Bolt, HTTP) with a no-op handler: the floor under the figures above. */
async function ackOnly(platform: Remote<SlackPlatform>): Promise<string[]> {
  const { apiUrl } = await platform.start();
  const channel = createSlackChannel({ botToken: FAKE_SLACK.botToken, signingSecret: FAKE_SLACK.signingSecret, apiUrl });
  const http = await startHttpServer(0, channel.httpRoutes(), '127.0.0.1');
  await channel.start(async () => {});
  const notes: string[] = [];
  try {
    await platform.deliverTo(`http://127.0.0.1:${http.port}${SLACK_EVENTS_PATH}`);
    for (const level of LEVELS) {
      const acks = await platform.acks(level, ACK_ONLY_EVENTS);
      notes.push(`slack ack latency of the adapter alone (no engine) at ${level} concurrent deliveries: p50 ${round(percentile(acks, 50))} ms, p99 ${round(percentile(acks, 99))} ms over ${acks.length} requests`);
    }
    return notes;
  } finally {
    await channel.stop();
    await http.close();
  }
}
