// The platform side of the Discord bench, in its own process: the fake Discord (gateway and REST)
// and the users who write to the bot. Latency runs from the fake dispatching MESSAGE_CREATE on the
// gateway to the reply reaching its REST endpoint.
import { DiscordFake, type FakeUser, type SentMessage } from '../../test/fakes/discord-fake.ts';
import { servePlatform } from './platform-process.ts';
import { runConversations, type Load } from './shared.ts';

const REPLY_TIMEOUT_MS = 30_000;

let fake: DiscordFake | undefined;
let users: FakeUser[] = [];
// One waiter per DM channel: each conversation has at most one message in flight.
const waiting = new Map<string, (m: SentMessage) => void>();
const current = () => {
  if (!fake) throw new Error('call start() first');
  return fake;
};

/** Sends one message of one conversation; the ms until its reply reached the fake. */
async function roundTrip(user: FakeUser, text: string): Promise<number> {
  const f = current();
  const dm = f.dmChannelOf(user);
  let timer: NodeJS.Timeout | undefined;
  const reply = new Promise<SentMessage>((resolve, reject) => {
    waiting.set(dm, resolve);
    timer = setTimeout(() => reject(new Error(`no reply in ${dm} within ${REPLY_TIMEOUT_MS} ms`)), REPLY_TIMEOUT_MS);
  });
  const started = performance.now();
  f.deliver(f.message(user, text));
  try {
    await reply;
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - started;
}

const api = {
  /** A fresh fake with `userCount` users; returns its REST base and the users' ids. */
  async start(userCount: number): Promise<{ apiUrl: string; userIds: string[] }> {
    await fake?.close();
    fake = await DiscordFake.start({ heartbeatIntervalMs: 5_000 });
    fake.events.on('sent', (m: SentMessage) => {
      const resolve = waiting.get(m.channelId);
      waiting.delete(m.channelId);
      resolve?.(m);
    });
    users = Array.from({ length: userCount }, (_, i) => ({ id: `3000000000000${String(i).padStart(5, '0')}`, username: `bench${i}` }));
    return { apiUrl: fake.apiUrl, userIds: users.map((u) => u.id) };
  },
  async say(userIndex: number, text: string): Promise<number> {
    return roundTrip(users[userIndex]!, text);
  },
  /** First contact registers each operator's chat and opens connections; kept out of the figures. */
  async warmUp(): Promise<void> {
    for (let i = 0; i < users.length; i += 20) await Promise.all(users.slice(i, i + 20).map((u) => roundTrip(u, 'log call with Acme: warm-up')));
  },
  /** The first `conversations` users at once under `load`; latencies and elapsed seconds. */
  async converse(conversations: number, load: Load, label: string): Promise<{ latencies: number[]; seconds: number }> {
    const { results, seconds } = await runConversations(conversations, load, (c, n) => roundTrip(users[c]!, `log call with Acme: ${label} ${n}`));
    return { latencies: results, seconds };
  },
  async close(): Promise<void> {
    await fake?.close();
    fake = undefined;
  },
};

/** The functions the bench calls in this process. */
export type DiscordPlatform = typeof api;

servePlatform(api);
