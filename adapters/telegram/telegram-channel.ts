import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Api, Bot, GrammyError, InputFile, webhookCallback } from 'grammy';
import type { Channel, InboundHandler, Target } from '../../src/core/channel.ts';
import type { Logger } from '../../src/core/engine/types.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { HasHttpRoutes, HttpRoute } from '../../src/http-server.ts';
import { CallbackData } from './callback-data.ts';
import { ChatQueue } from './chat-queue.ts';
import { startFailure, toChannelError } from './errors.ts';
import { toInbound } from './inbound.ts';
import { ALLOWED_UPDATES, startPolling, type Poller } from './polling.ts';
import { renderReply, type MessagePart } from './render.ts';
import type { Update, UserFromGetMe } from './types.ts';

/** Where Telegram posts updates in webhook mode, under PUBLIC_URL. */
export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';
/** The public Bot API. */
export const DEFAULT_API_ROOT = 'https://api.telegram.org';
/** Secret tokens Telegram accepts: 1-256 of A-Z, a-z, 0-9, _ and -. */
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;
/** Chats handled at once: on SQLite their commands share group commits; beyond this they wait here, in order. */
const DEFAULT_CONCURRENT_CHATS = 64;
/** Replies whose later parts failed, remembered at most, so a retry does not repeat the parts already sent. */
const PARTIAL_CAPACITY = 1_000;

/** What the configuration gives the Telegram channel (see src/config.ts). */
export interface TelegramChannelOptions {
  /** TELEGRAM_BOT_TOKEN, from @BotFather. */
  token: string;
  /** TELEGRAM_API_ROOT: another Bot API base URL (a proxy, a self-hosted Bot API server, a test fake), no trailing slash. Default https://api.telegram.org. */
  apiRoot?: string;
  /** TELEGRAM_WEBHOOK_SECRET: with publicUrl, updates come by webhook and must carry this secret token. */
  webhookSecret?: string;
  /** PUBLIC_URL: the https address Telegram reaches this server at; the webhook is `<publicUrl>/telegram/webhook`. */
  publicUrl?: string;
  /** How long one getUpdates call waits for updates, in seconds. Default 25. */
  pollTimeoutSeconds?: number;
  /** Timeout of every other Bot API call, in seconds. Default 10. */
  requestTimeoutSeconds?: number;
  /** Chats whose messages are handled at the same time; later ones wait in memory. Default 8. */
  maxConcurrentChats?: number;
}

/** What the channel uses from the rest of the product. */
export interface TelegramChannelDeps {
  log?: Logger;
  /** When a button press was received (Telegram does not date presses). Default the system clock. */
  now?: () => Date;
}

/** The Telegram bot as a channel: long polling or webhook in, HTML messages with inline keyboards out. */
export class TelegramAdapter implements Channel, HasHttpRoutes {
  readonly platform = 'telegram';
  /** 'webhook' when both the secret and PUBLIC_URL are set, else 'polling'. */
  readonly mode: 'polling' | 'webhook';
  private readonly bot: Bot;
  private readonly apiRoot: string;
  private readonly callbackData = new CallbackData();
  private readonly queue: ChatQueue;
  private readonly partial = new Map<string, number>();
  /** Groups upgraded to supergroups: Telegram refuses the old id and names the new one. */
  private readonly migrated = new Map<string, number>();
  private readonly webhook?: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;
  private me?: UserFromGetMe;
  private onMessage: InboundHandler | null = null;
  private poller?: Poller;

  constructor(private readonly options: TelegramChannelOptions, private readonly deps: TelegramChannelDeps = {}) {
    if (!options.token) throw new Error('TELEGRAM_BOT_TOKEN is missing: set it in .env (BotFather gives it when you create the bot).');
    this.apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
    this.mode = options.webhookSecret && options.publicUrl ? 'webhook' : 'polling';
    if (this.mode === 'webhook' && !SECRET_TOKEN.test(options.webhookSecret!)) {
      throw new Error('TELEGRAM_WEBHOOK_SECRET may only contain letters, digits, _ and - (1 to 256 characters): change it in .env.');
    }
    this.bot = new Bot(options.token, { client: { apiRoot: this.apiRoot, timeoutSeconds: options.requestTimeoutSeconds ?? 10 } });
    this.queue = new ChatQueue(
      (error) => this.deps.log?.error('Telegram update handling failed', { error: error instanceof Error ? error.message : String(error) }),
      options.maxConcurrentChats ?? DEFAULT_CONCURRENT_CHATS,
    );
    if (this.mode === 'webhook') {
      // Hand the update over and answer 200 at once: Telegram re-sends updates whose webhook is slow.
      this.bot.use((ctx) => {
        void this.accept(ctx.update);
      });
      this.webhook = webhookCallback(this.bot, 'http', { secretToken: options.webhookSecret, onTimeout: 'return', timeoutMilliseconds: 5_000 });
    }
  }

  /** A deep link that opens the bot and sends "/start <code>" (customer invites). */
  inviteLink(code: string): string {
    if (!this.me) throw new Error('The Telegram bot is not started yet, so its invite link is unknown.');
    return `https://t.me/${this.me.username}?start=${encodeURIComponent(code)}`;
  }

  httpRoutes(): HttpRoute[] {
    return this.mode === 'webhook' ? [{ method: 'POST', path: TELEGRAM_WEBHOOK_PATH, handle: (req, res) => this.handleWebhook(req, res) }] : [];
  }

  async start(onMessage: InboundHandler): Promise<void> {
    try {
      this.me = await this.bot.api.getMe();
    } catch (error) {
      throw startFailure(error, 'getMe', { apiRoot: this.apiRoot });
    }
    this.bot.botInfo = this.me;
    this.onMessage = onMessage;
    if (this.mode === 'webhook') {
      const url = `${this.options.publicUrl!.replace(/\/+$/, '')}${TELEGRAM_WEBHOOK_PATH}`;
      try {
        await this.bot.api.setWebhook(url, { secret_token: this.options.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
      } catch (error) {
        this.onMessage = null;
        throw startFailure(error, 'setWebhook', { apiRoot: this.apiRoot, webhookUrl: url });
      }
      return;
    }
    try {
      // getUpdates answers 409 while a webhook is set (from an earlier webhook-mode run).
      await this.bot.api.deleteWebhook();
    } catch (error) {
      this.onMessage = null;
      throw startFailure(error, 'deleteWebhook', { apiRoot: this.apiRoot });
    }
    // getUpdates waits up to the poll timeout, so its own request timeout must be longer.
    const pollTimeoutSeconds = this.options.pollTimeoutSeconds ?? 25;
    const pollApi = new Api(this.options.token, { apiRoot: this.apiRoot, timeoutSeconds: pollTimeoutSeconds + (this.options.requestTimeoutSeconds ?? 10) });
    this.poller = startPolling({
      api: pollApi, timeoutSeconds: pollTimeoutSeconds, log: this.deps.log,
      onBatch: async (updates) => {
        await Promise.all(updates.map((u) => this.accept(u)));
      },
    });
  }

  async stop(): Promise<void> {
    await this.poller?.stop();
    this.poller = undefined;
    this.onMessage = null;
    await this.queue.idle();
  }

  async send(target: Target, reply: Reply): Promise<void> {
    const parts = renderReply(reply, (value) => this.callbackData.encode(value));
    const key = parts.length > 1 ? partsKey(target, parts) : '';
    const done = (key && this.partial.get(key)) || 0;
    for (let i = done; i < parts.length; i += 1) {
      const part = parts[i]!;
      try {
        await this.sendPart(target, part);
      } catch (error) {
        if (key && i > 0) this.rememberPartial(key, i);
        throw toChannelError(error, part.kind === 'text' ? 'sendMessage' : part.kind === 'photo' ? 'sendPhoto' : 'sendDocument');
      }
    }
    if (key) this.partial.delete(key);
  }

  private async sendPart(target: Target, part: MessagePart): Promise<void> {
    const known = this.migrated.get(target.chatId);
    try {
      await this.sendPartTo(known ?? (/^-?\d+$/.test(target.chatId) ? Number(target.chatId) : target.chatId), target, part);
    } catch (error) {
      // A group upgraded to a supergroup gets a new id; what was queued for the old one goes there.
      const movedTo = error instanceof GrammyError ? error.parameters.migrate_to_chat_id : undefined;
      if (movedTo === undefined || known !== undefined) throw error;
      this.migrated.set(target.chatId, movedTo);
      await this.sendPartTo(movedTo, target, part);
    }
  }

  private async sendPartTo(chatId: number | string, target: Target, part: MessagePart): Promise<void> {
    const thread = target.threadId ? { message_thread_id: Number(target.threadId) } : {};
    if (part.kind === 'text') {
      await this.bot.api.sendMessage(chatId, part.html, {
        parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...thread,
        ...(part.keyboard ? { reply_markup: { inline_keyboard: part.keyboard } } : {}),
      });
    } else if (part.kind === 'photo') {
      await this.bot.api.sendPhoto(chatId, new InputFile(part.png, part.fileName), { caption: part.captionHtml, parse_mode: 'HTML', ...thread });
    } else {
      await this.bot.api.sendDocument(chatId, new InputFile(part.data, part.fileName), thread);
    }
  }

  private rememberPartial(key: string, sentParts: number): void {
    this.partial.delete(key);
    this.partial.set(key, sentParts);
    if (this.partial.size > PARTIAL_CAPACITY) this.partial.delete(this.partial.keys().next().value!);
  }

  /** Normalises one update and queues it behind its chat's earlier messages. */
  private accept(update: Update): Promise<void> {
    const onMessage = this.onMessage;
    if (!onMessage || !this.me) return Promise.resolve();
    let msg: InboundMessage | null;
    try {
      const press = update.callback_query;
      if (press) this.acknowledgePress(press.id, press.message && press.message.date !== 0 ? press.message : undefined);
      msg = toInbound(update, this.me, (data) => this.callbackData.decode(data), this.deps.now ?? (() => new Date()));
    } catch (error) {
      this.deps.log?.error('Telegram update could not be read', { updateId: update.update_id, error: error instanceof Error ? error.message : String(error) });
      return Promise.resolve();
    }
    return msg ? this.queue.run(msg.chatId, () => onMessage(msg)) : Promise.resolve();
  }

  /** Every press is answered (the client shows a spinner until then) and its buttons are removed, so it cannot be pressed twice. */
  private acknowledgePress(queryId: string, message?: { chat: { id: number }; message_id: number }): void {
    const fail = (method: string) => (error: unknown) => this.deps.log?.error(`Telegram ${method} failed`, { error: toChannelError(error, method).message });
    this.bot.api.answerCallbackQuery(queryId).catch(fail('answerCallbackQuery'));
    if (message) this.bot.api.editMessageReplyMarkup(message.chat.id, message.message_id).catch(fail('editMessageReplyMarkup'));
  }

  private async handleWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.onMessage || !this.webhook) {
      res.writeHead(503).end();
      return;
    }
    try {
      await this.webhook(req, res);
    } catch {
      // A body that is not an update: nothing Telegram would send, nothing to retry.
      if (!res.headersSent) res.writeHead(400).end();
    }
  }
}

/** Identifies one reply to one place, so a retry can skip the parts already sent. */
function partsKey(target: Target, parts: MessagePart[]): string {
  const hash = createHash('sha256').update(`${target.chatId}\0${target.threadId ?? ''}`);
  for (const p of parts) {
    if (p.kind === 'text') hash.update(`\0text\0${p.html}\0${JSON.stringify(p.keyboard ?? [])}`);
    else hash.update(`\0${p.kind}\0${p.fileName}\0`).update(p.kind === 'photo' ? p.png : p.data);
  }
  return hash.digest('base64url');
}
