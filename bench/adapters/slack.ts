// Slack adapter benchmark: the real SDK (HTTP Events API) on the runtime against the fake Slack.
// Latency is from the signed event leaving the fake to the reply reaching the fake's chat.postMessage.
// Run alone: `npx tsx bench/adapters/slack.ts` (temp SQLite) or `… postgresql <DATABASE_URL>`.
import { createSlackChannel, SLACK_EVENTS_PATH } from '../../adapters/slack/index.ts';
import { createCore } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { startHttpServer } from '../../src/http-server.ts';
import { startRuntime } from '../../src/runtime.ts';
import { FAKE_SLACK, SlackFake } from '../../test/fakes/slack-fake.ts';
import { LEVELS, MESSAGES_PER_LEVEL, percentile, round, type AdapterBenchRow } from './shared.ts';

const WARM_UP_MESSAGES = 40;
const REPLY_TIMEOUT_MS = 120_000;
/** Events per level of the adapter-only ack measurement (no engine behind it). */
const ACK_ONLY_EVENTS = 1_000;


/** Sustained messages per second and event-to-reply p50/p99 at 20 and 200 conversations, plus Slack ack latency. */
export async function benchSlack(opts: { provider: 'sqlite' | 'postgresql'; databaseUrl: string }): Promise<{ platform: string; rows: AdapterBenchRow[]; notes: string[] }> {
  const users = Array.from({ length: Math.max(...LEVELS) }, (_, i) => `UBENCH${String(i).padStart(4, '0')}`);
  const fake = await SlackFake.start();
  const errors: string[] = [];
  const config = loadConfig({ DATABASE_URL: opts.databaseUrl, CRM_TIME_ZONE: 'UTC', LOG_LEVEL: 'silent', SLACK_OPERATOR_IDS: users.join(',') });
  const core = await createCore(config, { log: { info: () => {}, error: (m) => errors.push(m) } });
  const channel = createSlackChannel({ botToken: FAKE_SLACK.botToken, signingSecret: FAKE_SLACK.signingSecret, apiUrl: fake.apiUrl });
  const runtime = await startRuntime(core, [channel], { port: 0, host: '127.0.0.1' });
  fake.deliverTo(`http://127.0.0.1:${runtime.httpPort}${SLACK_EVENTS_PATH}`);

  /** One message of one conversation: returns [event-to-reply ms, ack ms]. */
  const roundTrip = async (user: string, text: string): Promise<[number, number]> => {
    const dm = fake.dmChannel(user);
    const started = performance.now();
    const reply = fake.waitForSent((m) => m.channel === dm && m.at >= started, REPLY_TIMEOUT_MS);
    const ack = await fake.deliver('event', fake.dm(user, text));
    if (ack.status !== 200) throw new Error(`Slack delivery answered HTTP ${ack.status}`);
    const m = await reply;
    return [m.at - started, ack.ackMs];
  };

  try {
    await roundTrip(users[0]!, 'add customer Acme');
    for (let i = 0; i < WARM_UP_MESSAGES; i += 1) await roundTrip(users[i % users.length]!, `log call with Acme: warm-up ${i}`);

    const rows: AdapterBenchRow[] = [];
    const notes: string[] = [];
    for (const level of LEVELS) {
      const perConversation = Math.ceil(MESSAGES_PER_LEVEL / level);
      const latencies: number[] = [];
      const acks: number[] = [];
      const started = performance.now();
      await Promise.all(users.slice(0, level).map(async (user) => {
        for (let i = 0; i < perConversation; i += 1) {
          const [latency, ack] = await roundTrip(user, `log call with Acme: bench ${level}-${i}`);
          latencies.push(latency);
          acks.push(ack);
        }
      }));
      const seconds = (performance.now() - started) / 1000;
      rows.push({ concurrency: level, messages: latencies.length, messagesPerSecond: round(latencies.length / seconds), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) });
      notes.push(`slack ack latency at ${level} conversations (signed HTTP request sent → HTTP 200 received): p50 ${round(percentile(acks, 50))} ms, p99 ${round(percentile(acks, 99))} ms over ${acks.length} requests (target p99 < 50 ms)`);
    }
    const at200 = rows.find((r) => r.concurrency === 200);
    if (at200 && opts.provider === 'sqlite') notes.push(`target p99 < 100 ms at 200 conversations on SQLite: ${at200.p99Ms < 100 ? 'met' : 'MISSED'}`);
    if (errors.length) notes.push(`${errors.length} errors logged during the run; first: ${errors[0]}`);
    notes.push(...(await ackOnly()));
    notes.push('HTTP Events API mode, real @slack/bolt against the fake on 127.0.0.1; each conversation waits for its reply before sending the next message; replies go through the outbox.');
    return { platform: 'slack', rows, notes };
  } finally {
    await runtime.stop();
    await core.close();
    await fake.close();
  }
}

/** Ack latency of the adapter alone (signature check, Bolt, HTTP) with a no-op handler: the floor under the figures above. */
async function ackOnly(): Promise<string[]> {
  const fake = await SlackFake.start();
  const channel = createSlackChannel({ botToken: FAKE_SLACK.botToken, signingSecret: FAKE_SLACK.signingSecret, apiUrl: fake.apiUrl });
  const http = await startHttpServer(0, channel.httpRoutes(), '127.0.0.1');
  await channel.start(async () => {});
  fake.deliverTo(`http://127.0.0.1:${http.port}${SLACK_EVENTS_PATH}`);
  const notes: string[] = [];
  try {
    for (const level of LEVELS) {
      const acks: number[] = [];
      await Promise.all(Array.from({ length: level }, async (_, c) => {
        for (let i = 0; i < Math.ceil(ACK_ONLY_EVENTS / level); i += 1) acks.push((await fake.deliver('event', fake.dm(`UACK${c}`, 'ping'))).ackMs);
      }));
      notes.push(`slack ack latency of the adapter alone (no engine) at ${level} concurrent deliveries: p50 ${round(percentile(acks, 50))} ms, p99 ${round(percentile(acks, 99))} ms over ${acks.length} requests`);
    }
    return notes;
  } finally {
    await channel.stop();
    await http.close();
    await fake.close();
  }
}

