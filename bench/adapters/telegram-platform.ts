// The platform side of the Telegram bench, in its own process: the fake Bot API and the users who
// write to the bot. Latency runs from the fake handing the update over to it receiving sendMessage.
import { TelegramFake, type FakeUser, type SentMessage } from '../../test/fakes/telegram-fake.ts';
import { servePlatform } from './platform-process.ts';
import { runConversations, type Load } from './shared.ts';

/** A reply slower than this fails the bench rather than hanging it, in ms. */
const REPLY_TIMEOUT_MS = 60_000;

let fake: TelegramFake | undefined;
let users: FakeUser[] = [];
const waiting = new Map<string, (m: SentMessage) => void>();
const current = () => {
  if (!fake) throw new Error('call start() first');
  return fake;
};

/** Sends one message of one conversation; the ms until its reply reached the fake. */
async function roundTrip(user: FakeUser, text: string): Promise<number> {
  const f = current();
  const chatId = String(user.id);
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
  await f.deliver(f.textUpdate(user, text));
  return (await replied) - sentAt;
}

const api = {
  /** A fresh fake with `userCount` users; update ids start at `firstUpdateId`. */
  async start(userCount: number, firstUpdateId: number): Promise<{ token: string; apiRoot: string; userIds: number[] }> {
    await fake?.close();
    fake = await new TelegramFake({ firstUpdateId }).start();
    fake.onSent((m) => waiting.get(m.chatId)?.(m));
    users = Array.from({ length: userCount }, (_, i) => ({ id: 500_000 + i, first_name: `Bench${i}` }));
    return { token: fake.token, apiRoot: fake.apiRoot, userIds: users.map((u) => u.id) };
  },
  async routeWebhooksTo(base: string): Promise<void> {
    current().routeWebhooksTo(base);
  },
  /** The first `conversations` users at once under `load`; latencies and elapsed seconds. */
  async converse(conversations: number, load: Load, label: string): Promise<{ latencies: number[]; seconds: number }> {
    const { results, seconds } = await runConversations(conversations, load, (c, n) => roundTrip(users[c]!, `log call with Acme: ${label} ${n}`));
    return { latencies: results, seconds };
  },
  async replies(): Promise<number> {
    return current().callsOf('sendMessage').length;
  },
  async close(): Promise<void> {
    await fake?.close();
    fake = undefined;
  },
};

/** The functions the bench calls in this process. */
export type TelegramPlatform = typeof api;

servePlatform(api);
