import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Telegram user or bot as the Bot API describes it. */
export interface FakeUser {
  id: number;
  is_bot?: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
}

/** A chat as the Bot API describes it. */
export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
  is_forum?: boolean;
}

/** One request the bot made, in order. */
export interface FakeCall {
  method: string;
  /** The token in the URL was the bot's. */
  authorized: boolean;
  body: Record<string, unknown>;
  /** HTTP status the fake answered. */
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
}

/** A message the bot sent (sendMessage, sendPhoto, sendDocument). */
export interface SentMessage {
  method: string;
  messageId: number;
  chatId: string;
  threadId?: number;
  /** Text or caption as sent (HTML in this product). */
  text: string;
  parseMode?: string;
  /** Inline keyboard buttons, row by row. */
  buttons: { text: string; callback_data: string }[][];
  /** The uploaded file, for sendPhoto/sendDocument. */
  file?: { field: string; fileName: string; bytes: number };
  at: number;
}

type Update = Record<string, unknown> & { update_id: number };

const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);

/** Options of the fake. */
export interface TelegramFakeOptions {
  /** The token the fake accepts; anything else gets 401. Default "123456:TEST-token". */
  token?: string;
  /** The bot's username (getMe). Default "crm_test_bot". */
  username?: string;
  /** The first update_id handed out (a bot keeps its ids across fakes on one database). Default 1. */
  firstUpdateId?: number;
}

/**
 * A fake Telegram Bot API on 127.0.0.1 speaking the real protocol: JSON or multipart POSTs to
 * /bot<token>/<method>, `{ok, result}` answers, getUpdates long polling, setWebhook with a secret
 * token and webhook delivery, a call log, and helpers to inject updates and failures.
 */
export class TelegramFake {
  readonly token: string;
  readonly bot: FakeUser;
  readonly calls: FakeCall[] = [];
  readonly sent: SentMessage[] = [];
  /** The webhook set by the bot, or null in polling mode. */
  webhook: { url: string; secret?: string; maxConnections: number } | null = null;
  /** Every update delivered by webhook, with the status the bot answered. */
  readonly webhookDeliveries: { updateId: number; status: number }[] = [];
  private server!: Server;
  private port = 0;
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private nextQueryId = 1;
  private readonly queue: Update[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly chats = new Map<string, FakeChat>();
  private failures: { status: number; retryAfterSeconds?: number; description: string }[] = [];
  private readonly migrations = new Map<string, number>();
  private webhookBase: string | null = null;
  private readonly sentListeners = new Set<(m: SentMessage) => void>();
  private webhookInFlight = 0;
  private readonly webhookQueue: (() => void)[] = [];

  constructor(options: TelegramFakeOptions = {}) {
    this.token = options.token ?? '123456:TEST-token';
    this.bot = { id: 987654321, is_bot: true, first_name: 'CRM', username: options.username ?? 'crm_test_bot' };
    this.nextUpdateId = options.firstUpdateId ?? 1;
  }

  /** Starts listening on a free port of 127.0.0.1. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The base URL to give the bot as TELEGRAM_API_ROOT. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Webhooks are delivered to this local base instead of the public host (as a tunnel would). */
  routeWebhooksTo(localBase: string): void {
    this.webhookBase = localBase.replace(/\/+$/, '');
  }

  /** The next `count` sends answer this error (429 carries retry_after). */
  failNextSends(count: number, status: number, retryAfterSeconds?: number): void {
    const description = status === 429 ? `Too Many Requests: retry after ${retryAfterSeconds ?? 1}` : status >= 500 ? 'Internal Server Error' : 'Bad Request: chat not found';
    for (let i = 0; i < count; i += 1) this.failures.push({ status, retryAfterSeconds, description });
  }

  /** The group `from` is upgraded to a supergroup `to`: sends to `from` are refused, naming `to`. */
  migrateChat(from: number, to: number): void {
    this.migrations.set(String(from), to);
  }

  /** Calls `listener` for every message the bot sends from now on. */
  onSent(listener: (m: SentMessage) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Messages sent to one chat. */
  sentTo(chatId: number | string): SentMessage[] {
    return this.sent.filter((m) => m.chatId === String(chatId));
  }

  /** Calls of one method. */
  callsOf(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Builds a text-message update (entities for a leading /command and @mentions included). */
  textUpdate(from: FakeUser, text: string, options: { chat?: FakeChat; threadId?: number } = {}): Update {
    const chat = options.chat ?? { id: from.id, type: 'private', first_name: from.first_name };
    this.chats.set(String(chat.id), chat);
    const entities: Record<string, unknown>[] = [];
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
    for (const m of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{3,}/g)) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
    return {
      update_id: this.nextUpdateId++,
      message: {
        message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: { is_bot: false, ...from }, text,
        ...(entities.length ? { entities } : {}),
        ...(options.threadId !== undefined ? { message_thread_id: options.threadId, is_topic_message: true } : {}),
      },
    };
  }

  /** Builds the update Telegram sends when `from` presses a button of a message the bot sent. */
  pressUpdate(from: FakeUser, message: SentMessage, callbackData: string): Update {
    return {
      update_id: this.nextUpdateId++,
      callback_query: { id: `cbq-${this.nextQueryId++}`, from: { is_bot: false, ...from }, chat_instance: `ci-${message.chatId}`, data: callbackData, message: this.asMessage(message) },
    };
  }

  /** The latest message to a chat carrying a button with this label, and the button. */
  findButton(chatId: number | string, label: string): { message: SentMessage; data: string } {
    for (const message of [...this.sentTo(chatId)].reverse()) {
      const button = message.buttons.flat().find((b) => b.text === label);
      if (button) return { message, data: button.callback_data };
    }
    throw new Error(`no button "${label}" in chat ${chatId}`);
  }

  /** A user writes to the bot; resolves with the update's HTTP status (webhook) or 200 (queued for polling). */
  say(from: FakeUser, text: string, options: Parameters<TelegramFake['textUpdate']>[2] = {}): Promise<number> {
    return this.deliver(this.textUpdate(from, text, options));
  }

  /**
   * Delivers updates as Telegram would: to the webhook when one is set (one POST each, in
   * order), else to getUpdates, all queued before a waiting poll is answered. Resolves with the
   * last webhook status, or 200 when queued.
   */
  async deliver(...updates: Update[]): Promise<number> {
    if (!this.webhook) {
      this.queue.push(...updates);
      for (const wake of [...this.waiters]) wake();
      return 200;
    }
    let status = 200;
    for (const update of updates) {
      // Like Telegram, at most max_connections (default 40) deliveries are in flight at once.
      if (this.webhookInFlight >= this.webhook.maxConnections) await new Promise<void>((resolve) => this.webhookQueue.push(resolve));
      else this.webhookInFlight += 1;
      try {
        status = await this.postWebhook(update, this.webhook.secret);
      } finally {
        const next = this.webhookQueue.shift();
        if (next) next();
        else this.webhookInFlight -= 1;
      }
      this.webhookDeliveries.push({ updateId: update.update_id, status });
    }
    return status;
  }

  /** POSTs an update to the webhook with the given secret header (undefined: no header). */
  async postWebhook(update: Update, secret: string | undefined): Promise<number> {
    if (!this.webhook) throw new Error('no webhook is set');
    const path = new URL(this.webhook.url).pathname;
    const base = this.webhookBase ?? new URL(this.webhook.url).origin;
    const res = await fetch(`${base}${path}`, {
      method: 'POST', body: JSON.stringify(update),
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
    });
    await res.arrayBuffer();
    return res.status;
  }

  async close(): Promise<void> {
    for (const wake of [...this.waiters]) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private asMessage(m: SentMessage): Record<string, unknown> {
    const chat = this.chats.get(m.chatId) ?? { id: Number(m.chatId), type: 'private' };
    return {
      message_id: m.messageId, date: Math.floor(m.at / 1000), chat, from: this.bot, text: m.text,
      ...(m.threadId !== undefined ? { message_thread_id: m.threadId, is_topic_message: true } : {}),
      ...(m.buttons.length ? { reply_markup: { inline_keyboard: m.buttons } } : {}),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    const raw = await readBody(req);
    if (!match) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"ok":false,"error_code":404,"description":"Not Found"}');
    const [, token, method = ''] = match;
    const body = await parseBody(req.headers['content-type'] ?? '', raw);
    const call: FakeCall = { method, authorized: token === this.token, body, status: 200, at };
    this.calls.push(call);
    const answer = (status: number, payload: unknown) => {
      call.status = status;
      if (!res.writableEnded) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    const ok = (result: unknown) => answer(200, { ok: true, result });
    const fail = (status: number, description: string, parameters?: Record<string, unknown>) =>
      answer(status, { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) });

    if (!call.authorized) return fail(401, 'Unauthorized');
    if (SEND_METHODS.has(method)) {
      const movedTo = this.migrations.get(String(body.chat_id));
      if (movedTo !== undefined) return fail(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: movedTo });
      const failure = this.failures.shift();
      if (failure) return fail(failure.status, failure.description, failure.retryAfterSeconds !== undefined ? { retry_after: failure.retryAfterSeconds } : undefined);
    }
    switch (method) {
      case 'getMe':
        return ok({ ...this.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'setWebhook': {
        const url = String(body.url ?? '');
        if (!url.startsWith('https://')) return fail(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
        this.webhook = { url, secret: body.secret_token === undefined ? undefined : String(body.secret_token), maxConnections: Number(body.max_connections ?? 40) };
        return ok(true);
      }
      case 'deleteWebhook':
        this.webhook = null;
        return ok(true);
      case 'getUpdates':
        if (this.webhook) return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        return this.getUpdates(body, req, ok);
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument':
        return ok(this.recordSend(method, body, at));
      case 'answerCallbackQuery':
      case 'editMessageReplyMarkup':
        return ok(true);
      default:
        return fail(404, 'Not Found: method not found');
    }
  }

  private getUpdates(body: Record<string, unknown>, req: IncomingMessage, ok: (result: unknown) => void): void {
    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 100);
    const take = () => {
      while (this.queue.length && this.queue[0]!.update_id < offset) this.queue.shift();
      return this.queue.slice(0, limit);
    };
    const ready = take();
    const timeoutSeconds = Number(body.timeout ?? 0);
    if (ready.length || !timeoutSeconds) return ok(ready);
    // A parked poll ends with updates, at its timeout, or when the bot hangs up (stop aborts it).
    const release = () => {
      clearTimeout(timer);
      this.waiters.delete(wake);
      req.socket.off('close', release);
    };
    const wake = () => {
      release();
      ok(take());
    };
    const timer = setTimeout(wake, timeoutSeconds * 1000);
    this.waiters.add(wake);
    req.socket.once('close', release);
  }

  private recordSend(method: string, body: Record<string, unknown>, at: number): Record<string, unknown> {
    const fileField = method === 'sendPhoto' ? 'photo' : method === 'sendDocument' ? 'document' : undefined;
    const file = fileField ? body[fileField] : undefined;
    const markup = parseJsonField(body.reply_markup) as { inline_keyboard?: SentMessage['buttons'] } | undefined;
    const m: SentMessage = {
      method, messageId: this.nextMessageId++, chatId: String(body.chat_id),
      ...(body.message_thread_id !== undefined ? { threadId: Number(body.message_thread_id) } : {}),
      text: String(body.text ?? body.caption ?? ''),
      parseMode: body.parse_mode === undefined ? undefined : String(body.parse_mode),
      buttons: markup?.inline_keyboard ?? [],
      ...(fileField && isFile(file) ? { file: { field: fileField, fileName: file.fileName, bytes: file.bytes } } : {}),
      at,
    };
    this.sent.push(m);
    for (const listener of this.sentListeners) listener(m);
    const chat = this.chats.get(m.chatId) ?? { id: Number(m.chatId), type: 'private' };
    return { message_id: m.messageId, date: Math.floor(at / 1000), chat, from: this.bot, ...(method === 'sendMessage' ? { text: m.text } : { caption: m.text }) };
  }
}

function isFile(v: unknown): v is { fileName: string; bytes: number } {
  return typeof v === 'object' && v !== null && 'bytes' in v;
}

function parseJsonField(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).once('end', () => resolve(Buffer.concat(chunks))).once('error', reject);
  });
}

/** JSON bodies as they are; multipart fields with `attach://` files resolved to {fileName, bytes}. */
async function parseBody(contentType: string, raw: Buffer): Promise<Record<string, unknown>> {
  if (!raw.length) return {};
  if (!contentType.startsWith('multipart/form-data')) return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  const files = new Map<string, { fileName: string; bytes: number }>();
  const fields: Record<string, unknown> = {};
  for (const part of multipartParts(contentType, raw)) {
    if (part.fileName !== undefined) files.set(part.name, { fileName: part.fileName, bytes: part.body.length });
    else fields[part.name] = part.body.toString('utf8');
  }
  for (const [name, value] of Object.entries(fields)) {
    const ref = typeof value === 'string' && value.startsWith('attach://') ? files.get(value.slice('attach://'.length)) : undefined;
    if (ref) fields[name] = ref;
  }
  return fields;
}

/**
 * Splits a multipart body. grammY writes headers as `content-disposition:form-data;name="x";filename=y`
 * (no spaces, unquoted file names), which undici's strict FormData parser refuses, so this one is lenient.
 */
function multipartParts(contentType: string, raw: Buffer): { name: string; fileName?: string; body: Buffer }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const delimiter = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const parts: { name: string; fileName?: string; body: Buffer }[] = [];
  let at = raw.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const fileName = /filename=(?:"([^"]*)"|([^;\r\n]+))/.exec(head);
    parts.push({ name, ...(fileName ? { fileName: fileName[1] ?? fileName[2] } : {}), body: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}
