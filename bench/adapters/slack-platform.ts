// The platform side of the Slack bench, in its own process: the fake Slack and the users who
// write to the bot. Latency is from the signed event leaving the fake to the reply reaching its
// chat.postMessage; the ack is from sending the request to its HTTP 200.
import { SlackFake } from '../../test/fakes/slack-fake.ts';
import { servePlatform } from './platform-process.ts';
import { runConversations, type Load } from './shared.ts';

const REPLY_TIMEOUT_MS = 120_000;

let fake: SlackFake | undefined;
const current = () => {
  if (!fake) throw new Error('call start() first');
  return fake;
};

/** One message of one conversation: [event-to-reply ms, ack ms]. */
async function roundTrip(user: string, text: string): Promise<[number, number]> {
  const f = current();
  const dm = f.dmChannel(user);
  const started = performance.now();
  const reply = f.waitForSent((m) => m.channel === dm && m.at >= started, REPLY_TIMEOUT_MS);
  const ack = await f.deliver('event', f.dm(user, text));
  if (ack.status !== 200) throw new Error(`Slack delivery answered HTTP ${ack.status}`);
  const m = await reply;
  return [m.at - started, ack.ackMs];
}

const api = {
  /** A fresh fake Slack; returns its Web API base. */
  async start(): Promise<{ apiUrl: string }> {
    await fake?.close();
    fake = await SlackFake.start();
    return { apiUrl: fake.apiUrl };
  },
  async deliverTo(url: string): Promise<void> {
    current().deliverTo(url);
  },
  roundTrip,
  /** `users` conversations at once under `load`, each waiting for its reply. */
  async converse(users: string[], load: Load, label: string): Promise<{ latencies: number[]; acks: number[]; seconds: number }> {
    const { results, seconds } = await runConversations(users.length, load, (c, n) => roundTrip(users[c]!, `log call with Acme: ${label} ${n}`));
    return { latencies: results.map(([latency]) => latency), acks: results.map(([, ack]) => ack), seconds };
  },
  /** Acks only: `concurrency` senders deliver `total` events without waiting for replies. */
  async acks(concurrency: number, total: number): Promise<number[]> {
    const f = current();
    const acks: number[] = [];
    await Promise.all(Array.from({ length: concurrency }, async (_, c) => {
      for (let i = 0; i < Math.ceil(total / concurrency); i += 1) acks.push((await f.deliver('event', f.dm(`UACK${c}`, 'ping'))).ackMs);
    }));
    return acks;
  },
  async close(): Promise<void> {
    await fake?.close();
    fake = undefined;
  },
};

/** The functions the bench calls in this process. */
export type SlackPlatform = typeof api;

servePlatform(api);
