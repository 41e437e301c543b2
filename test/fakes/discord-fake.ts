import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DiscordMessageBody } from '../../adapters/discord/index.ts';

/** Fixed ids of the fake world (18-digit snowflakes, as discord.js expects). */
export const FAKE_DISCORD = {
  token: 'FAKE.BOT.TOKEN',
  applicationId: '100000000000000001',
  botUserId: '100000000000000001',
  guildId: '100000000000000010',
  channelId: '100000000000000020',
  threadId: '100000000000000021',
  commandId: '100000000000000030',
} as const;

const MESSAGE_CONTENT_INTENT = 1 << 15;
/** Message flags: only the invoking user sees it; a deferred "thinking…" placeholder. */
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** A JSON object on the wire. */
export type Json = Record<string, unknown>;

/** A gateway payload the fake dispatched (message or interaction); `id` is its snowflake. */
export type EventPayload = Json & { id: string };

/** A message body the bot sent: the adapter's shape plus the flags a follow-up may carry. */
export type SentBody = Partial<DiscordMessageBody> & { flags?: number };

/** A user of the fake platform. */
export interface FakeUser { id: string; username: string }

/** One REST request the bot made. */
export interface FakeCall {
  method: string;
  path: string;
  query: string;
  auth?: string;
  body?: unknown;
  status: number;
  atMs: number;
}

/** A message the bot created or edited, however it got there. */
export interface SentMessage {
  id: string;
  channelId: string;
  via: 'channel' | 'follow-up' | 'edit' | 'callback';
  interactionId?: string;
  body: SentBody;
  files: { name: string; type: string; size: number }[];
  atMs: number;
  /** The message object as Discord would return it (the `message` of a later button press). */
  object: Json & { id: string; flags: number };
}

/** What the fake knows about an interaction it dispatched. */
export interface FakeInteraction {
  id: string;
  token: string;
  channelId: string;
  dispatchedAtMs: number;
  /** Callback type of the first response (5 deferred reply, 6 deferred update, 4 reply). */
  ackType?: number;
  ackAtMs?: number;
  originalId?: string;
  /** The deferred reply was ephemeral (flags 64), so its edit is too. */
  ephemeral?: boolean;
}

/** Options of the fake. */
export interface DiscordFakeOptions {
  /** The only token REST and IDENTIFY accept. Default FAKE_DISCORD.token. */
  token?: string;
  /** Heartbeat interval sent in HELLO, ms. Default 1 000. */
  heartbeatIntervalMs?: number;
  /** When false, IDENTIFY with the Message Content intent is closed with 4014, like an app without it enabled. */
  messageContentAllowed?: boolean;
  /** Interactions not answered within this are "Unknown interaction" (10062), ms. Default 3 000. */
  interactionDeadlineMs?: number;
}

const json = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
  if (body === undefined) res.writeHead(status, headers).end();
  else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

/** Builds a user object as the API sends it. */
export function apiUser(u: FakeUser, bot = false): Record<string, unknown> {
  return { id: u.id, username: u.username, global_name: u.username, discriminator: '0', avatar: null, bot, public_flags: 0, flags: 0 };
}

/**
 * A fake Discord on 127.0.0.1: REST under /api/v10 (gateway/bot, channel messages, interaction
 * callbacks, webhooks for follow-ups and edits, application commands) and the gateway websocket
 * (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, dispatches). Everything is logged.
 */
export class DiscordFake {
  readonly calls: FakeCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly identifies: { token: '<valid>' | '<invalid>'; intents: number }[] = [];
  readonly commands = new Map<string, Json>();
  readonly interactions = new Map<string, FakeInteraction>();
  /** Emits 'sent' (SentMessage) for every message the bot creates or edits. */
  readonly events = new EventEmitter();
  readonly bot: FakeUser = { id: FAKE_DISCORD.botUserId, username: 'crm-bot' };
  private readonly sockets = new Set<WebSocket>();
  /** Channels that exist: the guild's, and each DM once a user wrote in it. */
  private readonly channels = new Set<string>([FAKE_DISCORD.channelId, FAKE_DISCORD.threadId]);
  private readonly failures: { status: number; retryAfterS?: number; global?: boolean }[] = [];
  private seq = 0;
  private counter = 0;
  private readonly o: Required<DiscordFakeOptions>;
  private readonly server: Server = createServer((req, res) => void this.route(req, res));
  private readonly wss = new WebSocketServer({ server: this.server });

  private constructor(options: DiscordFakeOptions) {
    this.o = { token: FAKE_DISCORD.token, heartbeatIntervalMs: 1_000, messageContentAllowed: true, interactionDeadlineMs: 3_000, ...options };
    this.events.setMaxListeners(0);
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  /** Starts the fake on a free port. */
  static async start(options: DiscordFakeOptions = {}): Promise<DiscordFake> {
    const fake = new DiscordFake(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The port the fake listens on (127.0.0.1). */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The REST base to give the SDK (`rest.api`): no version, no trailing slash. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** A fresh snowflake. */
  snowflake(): string {
    return (((BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n) | BigInt(this.counter++ & 0x3fffff)).toString();
  }

  /** The DM channel between the bot and a user. */
  dmChannelOf(user: FakeUser): string {
    const id = (BigInt(user.id) + 7n).toString();
    this.channels.add(id);
    return id;
  }

  /** The next `count` message sends (channel posts, follow-ups, edits) answer 429 with Retry-After. */
  rateLimitNext(count: number, retryAfterS: number, global = false): void {
    for (let i = 0; i < count; i += 1) this.failures.push({ status: 429, retryAfterS, global });
  }

  /** The next `count` message sends answer `status` (e.g. 500, 503). */
  failNext(count: number, status: number): void {
    for (let i = 0; i < count; i += 1) this.failures.push({ status });
  }

  /** Sends a gateway dispatch to every identified connection. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.seq, d });
    for (const ws of this.sockets) ws.send(frame);
  }

  /** Builds a MESSAGE_CREATE payload (DM, guild channel or thread); dispatch it with `deliver`. */
  message(from: FakeUser, content: string, where: { in?: 'dm' | 'channel' | 'thread'; mention?: boolean; id?: string } = {}): EventPayload {
    const place = where.in ?? 'dm';
    const text = (where.mention ?? place !== 'dm') ? `<@${this.bot.id}> ${content}` : content;
    const base = {
      id: where.id ?? this.snowflake(), author: apiUser(from), content: text, timestamp: new Date().toISOString(), edited_timestamp: null,
      tts: false, mention_everyone: false, mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0, flags: 0,
      mentions: text.includes(`<@${this.bot.id}>`) ? [apiUser(this.bot, true)] : [],
    };
    if (place === 'dm') return { ...base, channel_id: this.dmChannelOf(from), channel_type: 1 };
    return {
      ...base, channel_id: place === 'thread' ? FAKE_DISCORD.threadId : FAKE_DISCORD.channelId, guild_id: FAKE_DISCORD.guildId,
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null },
    };
  }

  /** Delivers a MESSAGE_CREATE (re-delivering the same payload is how Discord replays events). */
  deliver(payload: EventPayload): string {
    this.dispatch('MESSAGE_CREATE', payload);
    return payload.id;
  }

  /** Dispatches `/crm text:<text>` from `from`; returns the interaction payload. */
  slashCommand(from: FakeUser, text: string, where: 'dm' | 'channel' = 'channel'): EventPayload {
    return this.interact(from, where === 'dm' ? this.dmChannelOf(from) : FAKE_DISCORD.channelId, 2, {
      id: FAKE_DISCORD.commandId, name: 'crm', type: 1, options: [{ name: 'text', type: 3, value: text }],
    });
  }

  /** Dispatches a press of the button `customId` on a message the bot sent; returns the interaction payload. */
  pressButton(from: FakeUser, message: SentMessage, customId: string): EventPayload {
    return this.interact(from, message.channelId, 3, { custom_id: customId, component_type: 2 }, message.object);
  }

  /** Re-dispatches an interaction payload unchanged. */
  redeliverInteraction(payload: EventPayload): void {
    this.dispatch('INTERACTION_CREATE', payload);
  }

  /** Every message the bot sent into a channel (posts, follow-ups and edits), in order. */
  sentTo(channelId: string): SentMessage[] {
    return this.sent.filter((m) => m.channelId === channelId);
  }

  /** Closes the gateway sockets and the HTTP server. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private interact(from: FakeUser, channelId: string, type: number, data: Json, message?: Json): EventPayload {
    const id = this.snowflake();
    // Like Discord's: base64 of "interaction:<id>:<secret>", long enough that the SDK buckets it as a token.
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
    const dm = channelId === this.dmChannelOf(from);
    const thread = channelId === FAKE_DISCORD.threadId;
    const channel = dm
      ? { id: channelId, type: 1, recipients: [apiUser(from)], last_message_id: null, flags: 0 }
      : { id: channelId, type: thread ? 11 : 0, name: thread ? 'deal-room' : 'general', guild_id: FAKE_DISCORD.guildId, ...(thread ? { parent_id: FAKE_DISCORD.channelId } : {}), permissions: '2248473465835073', flags: 0 };
    const who = dm
      ? { user: apiUser(from), context: 1 }
      : { guild_id: FAKE_DISCORD.guildId, member: { user: apiUser(from), roles: [], permissions: '2248473465835073', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null, avatar: null, pending: false }, context: 0, guild_locale: 'en-US' };
    const payload = {
      id, application_id: FAKE_DISCORD.applicationId, type, token, version: 1, channel_id: channelId, channel, ...who,
      app_permissions: '2248473465835073', locale: 'en-US', entitlements: [], authorizing_integration_owners: { 0: FAKE_DISCORD.guildId },
      attachment_size_limit: 10_485_760, data, ...(message ? { message } : {}),
    };
    this.interactions.set(id, { id, token, channelId, dispatchedAtMs: Date.now() });
    this.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  private onConnection(ws: WebSocket): void {
    const send = (p: unknown) => ws.send(JSON.stringify(p));
    send({ op: 10, d: { heartbeat_interval: this.o.heartbeatIntervalMs } });
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (raw) => {
      const p = JSON.parse(String(raw)) as { op: number; d: { token?: string; intents?: number } };
      if (p.op === 1) send({ op: 11 });
      if (p.op === 6) {
        this.sockets.add(ws);
        send({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} });
      }
      if (p.op !== 2) return;
      this.identifies.push({ token: p.d.token === this.o.token ? '<valid>' : '<invalid>', intents: p.d.intents ?? 0 });
      if (p.d.token !== this.o.token) return ws.close(4004, 'Authentication failed.');
      if (((p.d.intents ?? 0) & MESSAGE_CONTENT_INTENT) && !this.o.messageContentAllowed) return ws.close(4014, 'Disallowed intent(s).');
      this.sockets.add(ws);
      this.dispatch('READY', {
        v: 10, user: { ...apiUser(this.bot, true), verified: true, mfa_enabled: false }, guilds: [{ id: FAKE_DISCORD.guildId, unavailable: true }],
        session_id: `session-${this.port}`, resume_gateway_url: `ws://127.0.0.1:${this.port}`, shard: [0, 1],
        application: { id: FAKE_DISCORD.applicationId, flags: 0 }, private_channels: [], relationships: [], presences: [], guild_join_requests: [], geo_ordered_rtc_regions: [],
      });
      this.dispatch('GUILD_CREATE', this.guild());
    });
  }

  private guild(): Record<string, unknown> {
    const now = new Date().toISOString();
    const { guildId, channelId, threadId } = FAKE_DISCORD;
    return {
      id: guildId, name: 'Fake Guild', icon: null, owner_id: '100000000000000099', unavailable: false, large: false, member_count: 2, joined_at: now,
      features: [], emojis: [], stickers: [], voice_states: [], presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
      roles: [{ id: guildId, name: '@everyone', permissions: '1071698660929', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      members: [{ user: apiUser(this.bot, true), roles: [], joined_at: now, deaf: false, mute: false, flags: 0 }],
      channels: [{ id: channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: guildId, nsfw: false, topic: null }],
      threads: [{
        id: threadId, type: 11, name: 'deal-room', parent_id: channelId, guild_id: guildId, owner_id: '100000000000000099', message_count: 0, member_count: 1,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: now, locked: false },
      }],
    };
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const body = await readBody(req);
    const call: FakeCall = { method: req.method ?? 'GET', path, query: url.search, auth: req.headers.authorization, body: body.json, status: 0, atMs: Date.now() };
    this.calls.push(call);
    const reply = (status: number, payload?: unknown, headers?: Record<string, string>) => {
      call.status = status;
      json(res, status, payload, headers);
    };
    const authorised = req.headers.authorization === `Bot ${this.o.token}`;
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && path === '/gateway/bot') {
      if (!authorised) return reply(401, { message: '401: Unauthorized', code: 0 });
      return reply(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && req.method === 'POST') {
      const ix = this.interactions.get(m[1]!);
      if (!ix || ix.token !== m[2] || Date.now() - ix.dispatchedAtMs > this.o.interactionDeadlineMs) return reply(404, { message: 'Unknown interaction', code: 10062 });
      if (ix.ackType !== undefined) return reply(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      const { type, data } = (body.json ?? {}) as { type?: number; data?: SentBody };
      Object.assign(ix, { ackType: Number(type), ackAtMs: Date.now(), ephemeral: Boolean(Number(data?.flags ?? 0) & EPHEMERAL) });
      if (type === 4 || type === 5) ix.originalId = this.record(ix.channelId, type === 4 ? 'callback' : 'edit', data ?? {}, body.files, ix.id, type === 5).id;
      return url.searchParams.get('with_response') === 'true'
        ? reply(200, { interaction: { id: ix.id, type: 2, response_message_id: ix.originalId ?? null, response_message_loading: type === 5, response_message_ephemeral: false }, resource: { type } })
        : reply(204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path)) && (req.method === 'POST' || req.method === 'PATCH')) {
      const ix = [...this.interactions.values()].find((i) => i.token === m![2]);
      if (!ix || ix.ackType === undefined || m[1] !== FAKE_DISCORD.applicationId) return reply(404, { message: 'Unknown Webhook', code: 10015 });
      if (this.failed(reply)) return;
      if (req.method === 'PATCH') {
        if (!m[3] || !ix.originalId) return reply(404, { message: 'Unknown Message', code: 10008 });
        const edit = { ...(body.json as SentBody), ...(ix.ephemeral ? { flags: EPHEMERAL } : {}) };
        return reply(200, this.record(ix.channelId, 'edit', edit, body.files, ix.id, false, ix.originalId).object);
      }
      const sent = this.record(ix.channelId, 'follow-up', body.json as SentBody, body.files, ix.id);
      return url.searchParams.get('wait') === 'true' ? reply(200, sent.object) : reply(204);
    }
    if (!authorised) return reply(401, { message: '401: Unauthorized', code: 0 });
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && req.method === 'POST') {
      if (!this.channels.has(m[1]!)) return reply(404, { message: 'Unknown Channel', code: 10003 });
      if (this.failed(reply)) return;
      return reply(200, this.record(m[1]!, 'channel', body.json as SentBody, body.files).object);
    }
    if ((m = /^\/applications\/(\d+)\/commands$/.exec(path))) {
      if (m[1] !== FAKE_DISCORD.applicationId) return reply(403, { message: 'Missing Access', code: 50001 });
      if (req.method === 'GET') return reply(200, [...this.commands.values()]);
      if (req.method === 'POST') {
        const c = body.json as Json & { name: string };
        const existing = this.commands.get(c.name);
        const saved = { ...c, id: existing?.id ?? this.snowflake(), application_id: m[1], version: this.snowflake(), default_member_permissions: null };
        this.commands.set(c.name, saved);
        return reply(existing ? 200 : 201, saved);
      }
    }
    reply(404, { message: '404: Not Found', code: 0 });
  }

  private failed(reply: (status: number, payload?: unknown, headers?: Record<string, string>) => void): boolean {
    const f = this.failures.shift();
    if (!f) return false;
    if (f.status === 429) {
      const headers: Record<string, string> = { 'retry-after': String(f.retryAfterS), 'x-ratelimit-scope': f.global ? 'global' : 'user', ...(f.global ? { 'x-ratelimit-global': 'true' } : {}) };
      reply(429, { message: 'You are being rate limited.', retry_after: f.retryAfterS, global: Boolean(f.global) }, headers);
    } else {
      reply(f.status, { message: 'Internal Server Error', code: 0 });
    }
    return true;
  }

  private record(channelId: string, via: SentMessage['via'], body: SentBody, files: SentMessage['files'], interactionId?: string, loading = false, id?: string): SentMessage {
    const messageId = id ?? this.snowflake();
    const object = {
      id: messageId, channel_id: channelId, author: apiUser(this.bot, true), content: loading ? '' : (body.content ?? ''), embeds: body.embeds ?? [],
      components: body.components ?? [], attachments: files.map((f, i) => ({ id: String(i), filename: f.name, size: f.size, content_type: f.type, url: `https://cdn.invalid/${f.name}`, proxy_url: `https://cdn.invalid/${f.name}` })),
      timestamp: new Date().toISOString(), edited_timestamp: via === 'edit' && !loading ? new Date().toISOString() : null, tts: false, mention_everyone: false,
      mentions: [], mention_roles: [], pinned: false, type: interactionId ? 20 : 0, flags: (loading ? LOADING : 0) | (Number(body.flags ?? 0) & EPHEMERAL),
      ...(interactionId ? { application_id: FAKE_DISCORD.applicationId, webhook_id: FAKE_DISCORD.applicationId } : {}),
    };
    const sent: SentMessage = { id: messageId, channelId, via, interactionId, body, files, atMs: Date.now(), object };
    // The "thinking…" placeholder of a deferred reply is not something the bot said.
    if (!loading) {
      this.sent.push(sent);
      this.events.emit('sent', sent);
    }
    return sent;
  }
}

async function readBody(req: IncomingMessage): Promise<{ json?: unknown; files: SentMessage['files'] }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (!raw.length) return { files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: SentMessage['files'] = [];
    for (const [key, value] of form.entries()) if (key.startsWith('files[') && typeof value !== 'string') files.push({ name: value.name, type: value.type, size: value.size });
    const payload = form.get('payload_json');
    return { json: typeof payload === 'string' ? JSON.parse(payload) : undefined, files };
  }
  return { json: JSON.parse(raw.toString('utf8')), files: [] };
}
