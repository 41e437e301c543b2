import { createHash } from 'node:crypto';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type types } from '@slack/bolt';
import { ChannelError, type Channel, type InboundHandler, type Target } from '../../src/core/channel.ts';
import type { Logger } from '../../src/core/engine/types.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { HasHttpRoutes, HttpRoute } from '../../src/http-server.ts';
import { SlackStartError, responseUrlError, toChannelError, toStartError } from './errors.ts';
import { fromBlockAction, fromMessageEvent, fromSlashCommand, type SlackActionBody, type SlackCommandBody, type SlackMessageEvent } from './inbound.ts';
import { createInboundQueue, type InboundQueue } from './inbound-queue.ts';
import { boltLogger } from './logger.ts';
import { CHOICE_ACTION_PREFIX, renderReply, type SlackMessage } from './render.ts';
import { escapeMrkdwn } from './text.ts';
import { decodeThread } from './thread.ts';

/** What the configuration gives the Slack channel (see "Connect Slack" in README.md for each variable). */
export interface SlackChannelOptions {
  /** SLACK_BOT_TOKEN: the Bot User OAuth Token (xoxb-…). */
  botToken: string;
  /** SLACK_SIGNING_SECRET: verifies HTTP Events API requests; needed unless `appToken` is set. */
  signingSecret?: string;
  /** SLACK_APP_TOKEN: an app-level token (xapp-…); when set, Socket Mode is used and no HTTP route is served. */
  appToken?: string;
  /** SLACK_API_URL: Web API base (a proxy, a test fake). Default https://slack.com/api/. */
  apiUrl?: string;
}

/** What the channel needs besides configuration; every member is optional. */
export interface SlackChannelDeps {
  /** Where SDK warnings and delivery problems go (never message text or tokens). */
  log?: Logger;
  /** Stamps inbound messages. Default the system clock. */
  now?: () => Date;
  /** Longest a single Web API call may take before it counts as unavailable, in ms. Default 10 s. */
  requestTimeoutMs?: number;
  /** Socket Mode: how long the client waits for a pong, and its reconnect step, in ms. Default 5 s. */
  socketPingTimeoutMs?: number;
  /** Messages handled at once across chats (each chat is always handled in order). Default 8. */
  maxConcurrentMessages?: number;
}

/** Where Slack posts events, slash commands and interactivity in HTTP mode (one URL for all three). */
export const SLACK_EVENTS_PATH = '/slack/events';
const DEFAULT_API_URL = 'https://slack.com/api/';
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** Messages handled at once: on SQLite their commands share group commits; beyond this they wait here, in order. */
const DEFAULT_MAX_CONCURRENT_MESSAGES = 64;
/** Partly sent long replies remembered so a retry resumes instead of repeating; bounded. */
const MAX_TRACKED_PARTIAL_SENDS = 1_000;

/** Slack over Bolt: Socket Mode when an app token is set, else the HTTP Events API. */
export class SlackAdapter implements Channel, HasHttpRoutes {
  readonly platform = 'slack';
  /** 'socket' when SLACK_APP_TOKEN is set, else 'http'. */
  readonly mode: 'socket' | 'http';
  private readonly apiUrl: string;
  private readonly receiver?: HTTPReceiver;
  private app?: App;
  private onMessage?: InboundHandler;
  private readonly partsSent = new Map<string, number>();
  private readonly queue: InboundQueue;

  constructor(private readonly options: SlackChannelOptions, private readonly deps: SlackChannelDeps = {}) {
    validate(options);
    this.mode = options.appToken ? 'socket' : 'http';
    this.queue = createInboundQueue(deps.maxConcurrentMessages ?? DEFAULT_MAX_CONCURRENT_MESSAGES);
    this.apiUrl = `${(options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '')}/`;
    if (this.mode === 'http') {
      this.receiver = new HTTPReceiver({ signingSecret: options.signingSecret!, endpoints: SLACK_EVENTS_PATH, logger: boltLogger(deps.log) });
    }
  }

  httpRoutes(): HttpRoute[] {
    const receiver = this.receiver;
    if (!receiver) return [];
    return [{
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      handle: (req, res) => {
        // Routes are served before start() has checked the token; Slack retries a 503 later.
        if (!this.app) {
          res.writeHead(503).end();
          return;
        }
        receiver.requestListener(req, res);
      },
    }];
  }

  async start(onMessage: InboundHandler): Promise<void> {
    const log = boltLogger(this.deps.log);
    const probe = new webApi.WebClient(this.options.botToken, { ...this.clientOptions(), logger: log });
    let auth: webApi.AuthTestResponse;
    try {
      auth = await probe.auth.test();
    } catch (error) {
      throw toStartError(error, 'SLACK_BOT_TOKEN', this.apiUrl);
    }
    // Socket Mode gives up fast at start (a wrong URL should fail now); reconnects later keep trying.
    const socketRetry = { retries: 0, factor: 1.3 };
    const receiver = this.options.appToken
      ? new SocketModeReceiver({
        appToken: this.options.appToken,
        logger: log,
        clientPingTimeout: this.deps.socketPingTimeoutMs,
        installerOptions: { clientOptions: { ...this.clientOptions(), retryConfig: socketRetry } },
      })
      : this.receiver!;
    const app = new App({
      token: this.options.botToken, botId: auth.bot_id, botUserId: auth.user_id, receiver, logger: log,
      clientOptions: this.clientOptions(), convoStore: false, ignoreSelf: true,
    });
    this.listen(app, auth.user_id ?? '');
    this.onMessage = onMessage;
    if (this.mode === 'socket') {
      try {
        await app.start();
      } catch (error) {
        throw toStartError(error, 'SLACK_APP_TOKEN', this.apiUrl);
      }
      socketRetry.retries = 100;
    }
    this.app = app;
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    this.onMessage = undefined;
    // In HTTP mode the runtime owns the server; only Socket Mode has a connection to close.
    if (app && this.mode === 'socket') await app.stop();
    // Acknowledged messages still get handled before the database closes.
    await this.queue.idle();
  }

  async send(target: Target, reply: Reply): Promise<void> {
    const app = this.app;
    if (!app) throw new ChannelError('Slack is not connected', 'unavailable');
    const thread = decodeThread(target.threadId);
    const responseUrl = thread && 'responseUrl' in thread ? thread.responseUrl : undefined;
    const threadTs = thread && 'ts' in thread ? thread.ts : undefined;
    // A response_url takes messages only: an image or file is described instead of attached.
    const missing = responseUrl ? [reply.image && `chart: ${reply.image.alt}`, reply.file && `file: ${reply.file.name}`].filter(Boolean) : [];
    const note = missing.length ? `Not attached here (${missing.join(', ')}); ask in a direct message to get it.` : undefined;
    const steps: (() => Promise<unknown>)[] = renderReply(reply, note).map((m) => () => (responseUrl ? this.respond(responseUrl, m) : this.post(app, target.chatId, threadTs, m)));
    if (!responseUrl && reply.image) {
      const { png, alt } = reply.image;
      steps.push(() => this.upload(app, target.chatId, threadTs, { data: png, filename: `${slug(alt)}.png`, title: alt, altText: alt }));
    }
    if (!responseUrl && reply.file) {
      const { data, name } = reply.file;
      steps.push(() => this.upload(app, target.chatId, threadTs, { data, filename: name, title: name }));
    }
    await this.runSteps(steps.length > 1 ? progressKey(target, reply) : undefined, steps);
  }

  private listen(app: App, botUserId: string): void {
    const now = () => this.deps.now?.() ?? new Date();
    const onEvent = async ({ event, body }: { event: unknown; body: unknown }) => {
      const eventId = (body as { event_id?: string }).event_id;
      await this.dispatch(fromMessageEvent(event as SlackMessageEvent, eventId, botUserId, now()));
    };
    // Events are acknowledged by Bolt before listeners run; commands and presses ack first here.
    app.event('message', onEvent);
    app.event('app_mention', onEvent);
    app.command(/.*/, async ({ ack, command }) => {
      await ack();
      await this.dispatch(fromSlashCommand(command as SlackCommandBody, now()));
    });
    // Every interaction is acknowledged (an unacknowledged one shows the user an error after 3 s);
    // only our own buttons become messages.
    app.action(/.*/, async ({ ack, body, payload }) => {
      await ack();
      const actionId = (payload as { action_id?: string }).action_id ?? '';
      if (body.type === 'block_actions' && actionId.startsWith(CHOICE_ACTION_PREFIX)) {
        this.retireButtons(body as SlackActionBody, (payload as { text?: { text?: string } }).text?.text ?? '');
        await this.dispatch(fromBlockAction(body as SlackActionBody, now()));
      }
    });
    app.error(async (error) => this.deps.log?.error('slack listener failed', { error: error.message }));
  }

  /** Queues an acknowledged message; the listener returns at once so Bolt can take the next request. */
  private async dispatch(message: InboundMessage | null): Promise<void> {
    const handler = this.onMessage;
    if (!message || !handler) return;
    this.queue.push(message.chatId, async () => {
      try {
        await handler(message);
      } catch (error) {
        this.deps.log?.error('slack message handling failed', { error: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  private clientOptions() {
    // The outbox retries (and honours retry-after); the SDK must fail fast instead of waiting.
    return { slackApiUrl: this.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: this.deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS };
  }

  private async post(app: App, channel: string, threadTs: string | undefined, m: SlackMessage): Promise<void> {
    await app.client.chat.postMessage({
      channel, thread_ts: threadTs, text: m.text, blocks: m.blocks as unknown as types.KnownBlock[], unfurl_links: false, unfurl_media: false,
    });
  }

  /** Uploads through Slack's external upload flow (getUploadURLExternal, upload, completeUploadExternal). */
  private async upload(app: App, channel: string, threadTs: string | undefined, f: { data: Uint8Array; filename: string; title: string; altText?: string }): Promise<void> {
    const where = threadTs ? { channel_id: channel, thread_ts: threadTs } : { channel_id: channel };
    await app.client.files.uploadV2({ ...where, file: Buffer.from(f.data), filename: f.filename, title: f.title, alt_text: f.altText });
  }

  /**
   * Replaces a pressed message with itself minus its buttons plus the choice made, so a question
   * cannot be answered twice (as on Telegram and Discord). Best effort: the press is handled anyway.
   */
  private retireButtons(body: SlackActionBody, label: string): void {
    const url = body.response_url;
    if (!url) return;
    const chosen = { type: 'context', elements: [{ type: 'mrkdwn', text: `✓ ${escapeMrkdwn(label)}` }] };
    // An ephemeral message comes without its content; it is replaced by the choice alone.
    const kept = (body.message?.blocks ?? []).filter((b) => b.type !== 'actions');
    const text = body.message?.text ?? `✓ ${label}`;
    this.postToResponseUrl(url, { replace_original: true, text, blocks: [...kept, chosen] }).catch((error: unknown) => {
      this.deps.log?.error('slack could not remove the buttons of a pressed message', { error: error instanceof Error ? error.message : String(error) });
    });
  }

  private respond(url: string, m: SlackMessage): Promise<void> {
    return this.postToResponseUrl(url, { response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
  }

  private async postToResponseUrl(url: string, payload: Record<string, unknown>): Promise<void> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ChannelError(`Could not reach Slack's response_url (${error instanceof Error ? error.message : String(error)})`, 'unavailable');
    }
    await res.arrayBuffer();
    if (res.status !== 200) throw responseUrlError(res.status, res.headers.get('retry-after'));
  }

  /** Runs the calls of one reply in order; after a failure, a retry of the same reply resumes where it stopped. */
  private async runSteps(key: string | undefined, steps: (() => Promise<unknown>)[]): Promise<void> {
    let done = key ? (this.partsSent.get(key) ?? 0) : 0;
    try {
      for (; done < steps.length; done += 1) await steps[done]!();
      if (key) this.partsSent.delete(key);
    } catch (error) {
      if (key && done > 0) {
        if (this.partsSent.size >= MAX_TRACKED_PARTIAL_SENDS) this.partsSent.delete(this.partsSent.keys().next().value!);
        this.partsSent.set(key, done);
      }
      throw toChannelError(error);
    }
  }
}

function validate(o: SlackChannelOptions): void {
  if (!o.botToken) throw new SlackStartError('SLACK_BOT_TOKEN is missing: set it in .env (the Bot User OAuth Token, xoxb-…)');
  if (o.botToken.startsWith('xapp-')) throw new SlackStartError('SLACK_BOT_TOKEN holds an app-level token (xapp-…): put the Bot User OAuth Token (xoxb-…) there and the xapp- token in SLACK_APP_TOKEN');
  if (o.appToken && !o.appToken.startsWith('xapp-')) throw new SlackStartError('SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope: check .env');
  if (!o.appToken && !o.signingSecret) throw new SlackStartError('SLACK_SIGNING_SECRET is missing: set it in .env (or set SLACK_APP_TOKEN to use Socket Mode)');
}

function progressKey(target: Target, reply: Reply): string {
  const json = JSON.stringify([target, reply], (_k, v: unknown) => (v instanceof Uint8Array ? createHash('sha256').update(v).digest('hex') : v));
  return createHash('sha256').update(json).digest('hex');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'chart';
}
