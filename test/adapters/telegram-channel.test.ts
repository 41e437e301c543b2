import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createTelegramChannel, probeTelegram, type TelegramAdapter, type TelegramChannelOptions } from '../../adapters/telegram/index.ts';
import { ChannelError } from '../../src/core/channel.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import { reply } from '../../src/core/reply.ts';
import { TelegramFake } from '../fakes/telegram-fake.ts';
import { memoryLogger, OPERATOR, STRANGER, until } from './telegram-support.ts';

/** The channel on its own against the fake: what it sends, how it fails, how it starts. */
describe('Telegram channel against the fake Bot API', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function started(options: Partial<TelegramChannelOptions> = {}): Promise<{ fake: TelegramFake; channel: TelegramAdapter; inbound: InboundMessage[] }> {
    const fake = await new TelegramFake().start();
    cleanup.push(() => fake.close());
    const channel = createTelegramChannel({ token: fake.token, apiRoot: fake.apiRoot, ...options }, { log: memoryLogger() });
    const inbound: InboundMessage[] = [];
    await channel.start(async (m) => { inbound.push(m); });
    cleanup.push(() => channel.stop());
    return { fake, channel, inbound };
  }

  const errorOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

  test('a wrong token stops the start with one clear line', async () => {
    const fake = await new TelegramFake().start();
    cleanup.push(() => fake.close());
    const channel = createTelegramChannel({ token: '42:wrong-token', apiRoot: fake.apiRoot });
    const error = await errorOf(channel.start(async () => {})) as Error;
    expect(error.message).toBe('TELEGRAM_BOT_TOKEN was rejected by Telegram (401: Unauthorized): check the token in .env (BotFather shows it with /token).');
    expect(error.message).not.toContain('wrong-token');
    expect(fake.callsOf('getMe')).toHaveLength(1);
  });

  test('an unreachable API root and a refused webhook are one clear line each', async () => {
    const closed = await freePort();
    const offline = createTelegramChannel({ token: '1:x', apiRoot: `http://127.0.0.1:${closed}`, requestTimeoutSeconds: 2 });
    expect((await errorOf(offline.start(async () => {})) as Error).message)
      .toBe(`The Telegram Bot API at http://127.0.0.1:${closed} could not be reached: check the network, or TELEGRAM_API_ROOT if you set it.`);

    const fake = await new TelegramFake().start();
    cleanup.push(() => fake.close());
    const plainHttp = createTelegramChannel({ token: fake.token, apiRoot: fake.apiRoot, webhookSecret: 's3cret', publicUrl: 'http://crm.example.com' });
    expect((await errorOf(plainHttp.start(async () => {})) as Error).message).toMatch(
      /^Telegram refused the webhook http:\/\/crm\.example\.com\/telegram\/webhook \(400: Bad Request: bad webhook: An HTTPS URL must be provided for webhook\): PUBLIC_URL must be a public https URL/,
    );
    expect(() => createTelegramChannel({ token: '1:x', webhookSecret: 'has spaces', publicUrl: 'https://x.example' })).toThrow(/^TELEGRAM_WEBHOOK_SECRET may only contain/);
    expect(() => createTelegramChannel({ token: '' })).toThrow(/^TELEGRAM_BOT_TOKEN is missing/);
  });

  test('crm doctor can probe the bot without starting it', async () => {
    const fake = await new TelegramFake().start();
    cleanup.push(() => fake.close());
    expect(await probeTelegram({ token: fake.token, apiRoot: fake.apiRoot })).toEqual({ ok: true, detail: '@crm_test_bot answers (long polling)' });
    expect(await probeTelegram({ token: '1:bad', apiRoot: fake.apiRoot })).toEqual({ ok: false, detail: expect.stringMatching(/^TELEGRAM_BOT_TOKEN was rejected by Telegram \(401: Unauthorized\)/) });
    expect(fake.calls.map((c) => c.method)).toEqual(['getMe', 'getMe']);
  });

  test('invite links use the username from getMe', async () => {
    const idle = createTelegramChannel({ token: '1:x' });
    expect(() => idle.inviteLink('abc')).toThrow(/not started/);
    const { channel } = await started();
    expect(channel.inviteLink('k3y9abcdefgh')).toBe('https://t.me/crm_test_bot?start=k3y9abcdefgh');
  });

  test('send failures are classified for the outbox', async () => {
    const { fake, channel } = await started();
    const target = { chatId: String(OPERATOR.id) };
    fake.failNextSends(1, 429, 3);
    expect(await errorOf(channel.send(target, reply('ok', 'hi')))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_000 });
    fake.failNextSends(1, 500);
    expect(await errorOf(channel.send(target, reply('ok', 'hi')))).toMatchObject({ kind: 'unavailable' });
    fake.failNextSends(1, 400);
    const refused = await errorOf(channel.send(target, reply('ok', 'hi')));
    expect(refused).toBeInstanceOf(ChannelError);
    expect(refused).toMatchObject({ kind: 'rejected', message: 'Telegram sendMessage failed (400: Bad Request: chat not found)' });
    await fake.close();
    expect(await errorOf(channel.send(target, reply('ok', 'hi')))).toMatchObject({ kind: 'unavailable' });
  });

  test('a long reply is split within 4,096 characters, buttons on the last part, and a retry does not repeat parts', async () => {
    const { fake, channel } = await started();
    const items = Array.from({ length: 300 }, (_, i) => `Customer number ${i} <with> details & notes`);
    const long = reply('info', 'All of them:', { title: 'Customers', items, choices: [{ label: 'More', value: 'ans:0' }] });
    fake.failNextSends(1, 502);
    // The first part fails: nothing was sent, so a retry sends everything.
    await errorOf(channel.send({ chatId: '1001' }, long));
    await channel.send({ chatId: '1001' }, long);
    const parts = fake.sentTo(1001);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((p) => p.text.length <= 4_096)).toBe(true);
    expect(parts.slice(0, -1).every((p) => p.buttons.length === 0)).toBe(true);
    expect(parts.at(-1)!.buttons).toEqual([[{ text: 'More', callback_data: 'ans:0' }]]);
    expect(parts.map((p) => p.text).join('\n')).toBe(['<b>Customers</b>', 'All of them:', ...items.map((i) => `• ${i.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`)].join('\n'));

    // A later part fails: the retry sends only what is missing.
    const sentBefore = fake.sent.length;
    const once = fake.onSent(() => { once(); fake.failNextSends(1, 502); });
    await errorOf(channel.send({ chatId: '1002' }, long));
    expect(fake.sent.length).toBe(sentBefore + 1);
    await channel.send({ chatId: '1002' }, long);
    expect(fake.sentTo(1002).map((p) => p.text)).toEqual(parts.map((p) => p.text));
  });

  test('pictures are uploaded as photos and files as documents, into the thread', async () => {
    const { fake, channel } = await started();
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    await channel.send({ chatId: '-100777', threadId: '12' }, reply('info', 'NPS over time', {
      image: { png, alt: 'NPS by month' }, file: { name: 'customers.csv', mime: 'text/csv', data: new TextEncoder().encode('name\nAcme\n') },
    }));
    const [text, photo, doc] = fake.sentTo(-100777);
    expect(text).toMatchObject({ method: 'sendMessage', text: 'NPS over time', threadId: 12 });
    expect(photo).toMatchObject({ method: 'sendPhoto', text: 'NPS by month', threadId: 12, file: { field: 'photo', fileName: 'nps-by-month.png', bytes: png.length } });
    expect(doc).toMatchObject({ method: 'sendDocument', threadId: 12, file: { field: 'document', fileName: 'customers.csv', bytes: 10 } });
  });

  test('a choice value over 64 bytes travels as a short key and comes back whole; every press is answered', async () => {
    const { fake, channel, inbound } = await started();
    const value = `ans:${'x'.repeat(100)}`;
    await channel.send({ chatId: String(OPERATOR.id) }, reply('question', 'Pick', { choices: [{ label: 'Long', value }, { label: 'Short', value: 'ans:1' }] }));
    const { message, data } = fake.findButton(OPERATOR.id, 'Long');
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    await fake.deliver(fake.pressUpdate(OPERATOR, message, data));
    await until(() => inbound.length === 1);
    expect(inbound[0]).toMatchObject({ platform: 'telegram', chatId: String(OPERATOR.id), userId: String(OPERATOR.id), text: '', button: { value }, replyToId: String(message.messageId) });
    await until(() => fake.callsOf('answerCallbackQuery').length === 1 && fake.callsOf('editMessageReplyMarkup').length === 1);
    expect(fake.callsOf('answerCallbackQuery')[0]!.body).toEqual({ callback_query_id: 'cbq-1' });
  });

  test('different chats are handled in parallel, one chat in order, and stop confirms the offset', async () => {
    const fake = await new TelegramFake().start();
    cleanup.push(() => fake.close());
    const channel = createTelegramChannel({ token: fake.token, apiRoot: fake.apiRoot });
    const order: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => { release = r; });
    await channel.start(async (m) => {
      order.push(`start ${m.userId} ${m.text}`);
      if (m.text === 'first') await slow;
      order.push(`end ${m.userId} ${m.text}`);
    });
    await fake.deliver(fake.textUpdate(OPERATOR, 'first'), fake.textUpdate(OPERATOR, 'second'), fake.textUpdate(STRANGER, 'other chat'));
    await until(() => order.includes(`end ${STRANGER.id} other chat`));
    expect(order).not.toContain(`start ${OPERATOR.id} second`);
    release();
    await until(() => order.includes(`end ${OPERATOR.id} second`));
    expect(order.indexOf(`end ${OPERATOR.id} first`)).toBeLessThan(order.indexOf(`start ${OPERATOR.id} second`));
    await channel.stop();
    expect(fake.callsOf('getUpdates').at(-1)!.body).toEqual({ offset: 4, limit: 1, timeout: 0 });
  });

  test('at most maxConcurrentChats chats are handled at once; the rest wait their turn', async () => {
    const fake = await new TelegramFake().start();
    cleanup.push(() => fake.close());
    const channel = createTelegramChannel({ token: fake.token, apiRoot: fake.apiRoot, maxConcurrentChats: 2 });
    let running = 0;
    let most = 0;
    const handled: string[] = [];
    await channel.start(async (m) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      handled.push(m.chatId);
      running -= 1;
    });
    const users = [1, 2, 3, 4, 5].map((id) => ({ id, first_name: `U${id}` }));
    await fake.deliver(...users.map((u) => fake.textUpdate(u, 'hi')));
    await until(() => handled.length === 5);
    expect(most).toBe(2);
    expect(handled).toEqual(['1', '2', '3', '4', '5']);
    await channel.stop();
  });
});

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
