import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';

/** Credentials the fake accepts; anything else gets `invalid_auth`. */
export const FAKE_SLACK = {
  botToken: 'xoxb-fake-bot-token',
  appToken: 'xapp-fake-app-token',
  signingSecret: 'fake-signing-secret',
  botUserId: 'UBOT',
  botId: 'BBOT',
  teamId: 'T0FAKE',
  appId: 'A0FAKE',
} as const;

/** One request the bot made to the fake (Web API method, upload, or response_url). */
export interface FakeCall {
  path: string;
  /** Web API method name (chat.postMessage…), when it was one. */
  method?: string;
  token?: string;
  params: Record<string, unknown>;
  status: number;
  /** performance.now() when it arrived. */
  at: number;
}

/** A message the bot posted, however it was posted. */
export interface SentMessage {
  via: 'api' | 'response_url';
  channel: string;
  threadTs?: string;
  ts: string;
  text: string;
  blocks: Block[];
  /** performance.now() when it arrived. */
  at: number;
}

/** A file the bot uploaded and shared. */
export interface SentFile {
  channel: string;
  threadTs?: string;
  filename: string;
  title?: string;
  bytes: number;
}

/** A Block Kit block as the fake reads it. */
export type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: Element[]; block_id?: string };
type Element = { type: string; action_id?: string; value?: string; text?: string | { text: string } };

/** What Slack saw when it delivered something to the bot. */
export interface DeliveryResult {
  /** HTTP status (Socket Mode: 200 once the envelope is acknowledged). */
  status: number;
  /** The acknowledgement body (HTTP response, or the Socket Mode ack payload as JSON). */
  body: string;
  /** From sending to the acknowledgement, in ms. */
  ackMs: number;
}

/** Knobs of one delivery: Slack's retry headers, and ways to spoil the signature. */
export interface DeliverOptions {
  retryNum?: number;
  timestampSec?: number;
  signingSecret?: string;
  signature?: string;
}

type Kind = 'event' | 'command' | 'action';

/** A fake Slack on 127.0.0.1: Web API, response_urls, uploads, Socket Mode websocket, and signed HTTP delivery. */
export class SlackFake {
  readonly calls: FakeCall[] = [];
  readonly files: SentFile[] = [];
  private readonly messages: SentMessage[] = [];
  private readonly listeners = new Set<(m: SentMessage) => void>();
  /** Where each response_url posts; a press's url can also replace the pressed message (`messageTs`). */
  private readonly responseUrls = new Map<string, { channel: string; threadTs?: string; messageTs?: string }>();
  private readonly uploads = new Map<string, { filename: string; bytes: number }>();
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private sockets: WebSocket[] = [];
  private failures: { status: number; retryAfterSec?: number; method: string }[] = [];
  private seq = 0;
  private eventsUrl?: string;

  private constructor(private readonly server: Server, private readonly wss: WebSocketServer, readonly port: number) {}

  /** Starts the fake on a random port. */
  static async start(): Promise<SlackFake> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: '/link/' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new SlackFake(server, wss, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => {
      fake.handle(req, res).catch(() => { if (!res.headersSent) res.writeHead(500).end(); });
    });
    wss.on('connection', (ws) => fake.connect(ws));
    return fake;
  }

  /** The Web API base the SDK is pointed at (SLACK_API_URL). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** HTTP mode: where signed requests go (the bot's /slack/events URL). */
  deliverTo(url: string): void {
    this.eventsUrl = url;
  }

  /** Socket Mode connections currently open. */
  get openSockets(): number {
    return this.sockets.length;
  }

  /** Everything the bot posted, in arrival order. */
  sent(channel?: string): SentMessage[] {
    return channel ? this.messages.filter((m) => m.channel === channel) : [...this.messages];
  }

  /** Resolves with the first message (already sent or still to come) that matches. */
  waitForSent(pred: (m: SentMessage) => boolean, timeoutMs = 5_000): Promise<SentMessage> {
    const found = this.messages.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error('no matching message was sent in time'));
      }, timeoutMs);
      const listener = (m: SentMessage) => {
        if (!pred(m)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(m);
      };
      this.listeners.add(listener);
    });
  }

  /** The next `count` calls of `method` answer HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimitNext(count: number, retryAfterSec: number, method = 'chat.postMessage'): void {
    for (let i = 0; i < count; i += 1) this.failures.push({ status: 429, retryAfterSec, method });
  }

  /** The next `count` calls of `method` answer with this HTTP status (e.g. 503). */
  failNext(count: number, status: number, method = 'chat.postMessage'): void {
    for (let i = 0; i < count; i += 1) this.failures.push({ status, method });
  }

  // ---- Building what Slack sends ----------------------------------------------------------

  /** The DM channel between the bot and a user. */
  dmChannel(user: string): string {
    return `D${user}`;
  }

  /** A `message.im` event: the user writes to the bot in their DM. */
  dm(user: string, text: string, extra: { threadTs?: string; eventId?: string } = {}): Record<string, unknown> {
    const ts = this.nextTs();
    return this.envelope({ type: 'message', channel: this.dmChannel(user), channel_type: 'im', user, text, ts, event_ts: ts, thread_ts: extra.threadTs }, extra.eventId);
  }

  /** An `app_mention` event in a channel (the text should contain `<@UBOT>`). */
  mention(user: string, channel: string, text: string, extra: { threadTs?: string } = {}): Record<string, unknown> {
    const ts = this.nextTs();
    return this.envelope({ type: 'app_mention', channel, channel_type: 'channel', user, text, ts, event_ts: ts, thread_ts: extra.threadTs });
  }

  /** A `/crm` slash command typed in a channel. */
  slash(user: string, text: string, channel = this.dmChannel(user)): Record<string, string> {
    const n = this.next();
    const responseUrl = `http://127.0.0.1:${this.port}/respond/cmd-${n}`;
    this.responseUrls.set(responseUrl, { channel });
    return {
      token: 'legacy-verification-token', team_id: FAKE_SLACK.teamId, team_domain: 'fake', channel_id: channel, channel_name: 'directmessage',
      user_id: user, user_name: user.toLowerCase(), command: '/crm', text, api_app_id: FAKE_SLACK.appId, is_enterprise_install: 'false',
      response_url: responseUrl, trigger_id: `${n}.${n}.trigger`,
    };
  }

  /** The block_actions payload Slack sends when `user` presses the button labelled `label` on `message`. */
  press(message: SentMessage, label: string, user: string): Record<string, unknown> {
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => ({ e, blockId: b.block_id ?? 'actions' })) : []));
    const hit = buttons.find(({ e }) => labelOf(e) === label);
    if (!hit) throw new Error(`no button "${label}" among ${buttons.map(({ e }) => labelOf(e)).join(', ') || 'none'}`);
    const n = this.next();
    const responseUrl = `http://127.0.0.1:${this.port}/respond/act-${n}`;
    this.responseUrls.set(responseUrl, { channel: message.channel, threadTs: message.threadTs, messageTs: message.ts });
    const ephemeral = message.via === 'response_url';
    return {
      type: 'block_actions', api_app_id: FAKE_SLACK.appId, token: 'legacy-verification-token', trigger_id: `${n}.${n}.trigger`,
      team: { id: FAKE_SLACK.teamId, domain: 'fake' }, enterprise: null, is_enterprise_install: false,
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_SLACK.teamId },
      container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: ephemeral, thread_ts: message.threadTs },
      channel: { id: message.channel, name: 'directmessage' },
      message: ephemeral ? undefined : { type: 'message', user: FAKE_SLACK.botUserId, bot_id: FAKE_SLACK.botId, ts: message.ts, thread_ts: message.threadTs, text: message.text, blocks: message.blocks },
      state: { values: {} }, response_url: responseUrl,
      actions: [{ type: 'button', action_id: hit.e.action_id, block_id: hit.blockId, value: hit.e.value, text: { type: 'plain_text', text: label }, action_ts: `${Date.now() / 1000}` }],
    };
  }

  // ---- Delivering to the bot ----------------------------------------------------------------

  /** Delivers an event envelope, a slash command or a block_actions payload, the way the bot is connected. */
  async deliver(kind: Kind, payload: Record<string, unknown>, options: DeliverOptions = {}): Promise<DeliveryResult> {
    return this.eventsUrl ? this.deliverHttp(kind, payload, options) : this.deliverSocket(kind, payload, options);
  }

  /** Signs and POSTs like Slack does (headers X-Slack-Signature, X-Slack-Request-Timestamp). */
  async deliverHttp(kind: Kind, payload: Record<string, unknown>, options: DeliverOptions = {}): Promise<DeliveryResult> {
    if (!this.eventsUrl) throw new Error('call deliverTo(url) first');
    const [body, contentType] = kind === 'event'
      ? [JSON.stringify(payload), 'application/json']
      : kind === 'command'
        ? [new URLSearchParams(payload as Record<string, string>).toString(), 'application/x-www-form-urlencoded']
        : [new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'];
    const ts = options.timestampSec ?? Math.floor(Date.now() / 1000);
    const signature = options.signature ?? sign(options.signingSecret ?? FAKE_SLACK.signingSecret, ts, body);
    const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature };
    if (options.retryNum) Object.assign(headers, { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' });
    const started = performance.now();
    // A string body with an explicit content-type: Bolt compares the form content-type exactly.
    const res = await fetch(this.eventsUrl, { method: 'POST', headers, body });
    const ackMs = performance.now() - started;
    return { status: res.status, body: await res.text(), ackMs };
  }

  /** Sends a Socket Mode envelope on the open websocket and waits for its ack. */
  async deliverSocket(kind: Kind, payload: Record<string, unknown>, options: DeliverOptions = {}): Promise<DeliveryResult> {
    const ws = this.sockets.at(-1);
    if (!ws) throw new Error('no Socket Mode connection');
    const envelopeId = `env-${this.next()}`;
    const type = kind === 'event' ? 'events_api' : kind === 'command' ? 'slash_commands' : 'interactive';
    const acked = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the bot did not acknowledge the envelope')), 5_000);
      this.acks.set(envelopeId, (payload) => { clearTimeout(timer); resolve(payload); });
    });
    const started = performance.now();
    ws.send(JSON.stringify({
      envelope_id: envelopeId, type, payload, accepts_response_payload: kind !== 'event',
      ...(options.retryNum ? { retry_attempt: options.retryNum, retry_reason: 'timeout' } : {}),
    }));
    const ack = await acked;
    return { status: 200, body: JSON.stringify(ack ?? {}), ackMs: performance.now() - started };
  }

  /** Asks every Socket Mode client to reconnect, as Slack does before it rotates a connection. */
  askToReconnect(): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  /** Closes every connection and the server. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- Serving the bot ----------------------------------------------------------------------

  private connect(ws: WebSocket): void {
    this.sockets.push(ws);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (m.envelope_id) this.acks.get(m.envelope_id)?.(m.payload);
    });
    ws.on('close', () => { this.sockets = this.sockets.filter((s) => s !== ws); });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: FAKE_SLACK.appId } }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const at = performance.now();
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    if (path.startsWith('/respond/')) {
      const params = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      this.calls.push({ path, params, status: 200, at });
      const where = this.responseUrls.get(`http://127.0.0.1:${this.port}${path}`);
      if (!where) return json(404, { ok: false, error: 'expired_url' });
      if (params.replace_original === true) {
        // Slack edits the message in place: it is not a new message.
        const original = this.messages.find((m) => m.channel === where.channel && m.ts === where.messageTs);
        if (!original) return json(404, { ok: false, error: 'message_not_found' });
        original.text = String(params.text ?? '');
        original.blocks = (params.blocks as Block[]) ?? [];
        return json(200, { ok: true });
      }
      this.record({ via: 'response_url', channel: where.channel, threadTs: where.threadTs, ts: this.nextTs(), text: String(params.text ?? ''), blocks: (params.blocks as Block[]) ?? [], at });
      return json(200, { ok: true });
    }
    if (path.startsWith('/upload/')) {
      const id = path.slice('/upload/'.length);
      const upload = this.uploads.get(id);
      if (upload) upload.bytes = raw.length;
      this.calls.push({ path, params: { bytes: raw.length }, status: 200, at });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : undefined;
    if (!method) return json(404, { ok: false, error: 'not_found' });
    const params = parseParams(raw.toString('utf8'), req.headers['content-type'] ?? '');
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      this.calls.push({ path, method, token, params, status: f!.status, at });
      return json(f!.status, { ok: false, error: f!.status === 429 ? 'ratelimited' : 'fatal_error' }, f!.retryAfterSec === undefined ? {} : { 'retry-after': String(f!.retryAfterSec) });
    }
    this.calls.push({ path, method, token, params, status: 200, at });
    json(200, this.answer(method, token, params, at));
  }

  private answer(method: string, token: string | undefined, params: Record<string, unknown>, at: number): Record<string, unknown> {
    const expected = method === 'apps.connections.open' ? FAKE_SLACK.appToken : FAKE_SLACK.botToken;
    if (token !== expected) return { ok: false, error: token ? 'invalid_auth' : 'not_authed' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'crm', team_id: FAKE_SLACK.teamId, user_id: FAKE_SLACK.botUserId, bot_id: FAKE_SLACK.botId, is_enterprise_install: false };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=fake-ticket-${this.next()}&app_id=${FAKE_SLACK.appId}` };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const message: SentMessage = { via: 'api', channel: String(params.channel), threadTs: params.thread_ts as string | undefined, ts, text: String(params.text ?? ''), blocks: (params.blocks as Block[]) ?? [], at };
        this.record(message);
        return { ok: true, channel: message.channel, ts, message: { type: 'message', user: FAKE_SLACK.botUserId, bot_id: FAKE_SLACK.botId, ts, text: message.text, blocks: message.blocks } };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${this.next()}`;
        this.uploads.set(id, { filename: String(params.filename), bytes: 0 });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (params.files as { id: string; title?: string }[]) ?? [];
        for (const f of files) {
          const upload = this.uploads.get(f.id);
          this.files.push({ channel: String(params.channel_id), threadTs: params.thread_ts as string | undefined, filename: upload?.filename ?? '?', title: f.title, bytes: upload?.bytes ?? 0 });
        }
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private record(message: SentMessage): void {
    this.messages.push(message);
    for (const listener of [...this.listeners]) listener(message);
  }

  private envelope(event: Record<string, unknown>, eventId?: string): Record<string, unknown> {
    return {
      token: 'legacy-verification-token', team_id: FAKE_SLACK.teamId, api_app_id: FAKE_SLACK.appId, event, type: 'event_callback',
      event_id: eventId ?? `Ev${String(this.next()).padStart(8, '0')}`, event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: FAKE_SLACK.teamId, user_id: FAKE_SLACK.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    };
  }

  private next(): number {
    this.seq += 1;
    return this.seq;
  }

  private nextTs(): string {
    const n = this.next();
    return `${1_764_000_000 + n}.${String(n).padStart(6, '0')}`;
  }
}

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:<ts>:<body>"). */
export function sign(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

/** The label of a button element. */
export function labelOf(e: Element): string {
  return typeof e.text === 'string' ? e.text : (e.text?.text ?? '');
}

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  if (!contentType.startsWith('application/x-www-form-urlencoded')) return {};
  const params: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The SDK sends object arguments as JSON strings inside the form.
    params[k] = ['blocks', 'attachments', 'files', 'metadata'].includes(k) ? JSON.parse(v) : v;
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
