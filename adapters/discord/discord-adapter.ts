import { createHash } from 'node:crypto';
import { Client, Events, GatewayIntentBits, MessageFlags, Options, Partials, type Interaction, type Message } from 'discord.js';
import { ChannelError, type Channel, type InboundHandler, type Target } from '../../src/core/channel.ts';
import type { Logger } from '../../src/core/engine/types.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import type { Reply } from '../../src/core/reply.ts';
import { CRM_COMMAND_NAME, normaliseApiUrl } from './commands.ts';
import { startError, toChannelError } from './errors.ts';
import { fromInteraction, fromMessage, type BotIdentity } from './inbound.ts';
import { InteractionRegistry } from './interactions.ts';
import { DISCORD_LIMITS } from './render.ts';
import { createSender, type DiscordSend } from './sender.ts';

/** What the configuration gives the Discord channel. */
export interface DiscordChannelOptions {
  /** DISCORD_BOT_TOKEN. */
  botToken: string;
  /** DISCORD_APPLICATION_ID: the application the bot belongs to (and `/crm` is registered for). */
  applicationId: string;
  /** DISCORD_API_URL: REST base without version, e.g. a proxy. Default https://discord.com/api; the gateway URL comes from GET /gateway/bot. */
  apiUrl?: string;
}

/** Collaborators and tuning; all optional. */
export interface DiscordChannelDeps {
  log?: Logger;
  /** Per-request REST timeout, ms. Default 10 000. */
  requestTimeoutMs?: number;
  /** The SDK's local global limiter, requests per second. Default 50, Discord's limit for a bot; benches against a fake raise it. */
  globalRequestsPerSecond?: number;
  /** How long `start` waits for the gateway session to be ready, ms. Default 30 000. */
  readyTimeoutMs?: number;
  /** Messages being sent at once; more wait their turn. Default 50 (Discord allows a bot 50 requests/s). */
  maxConcurrentSends?: number;
}

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent];
/** Sends the outbox retries itself: the SDK must fail fast on these routes instead of sleeping. */
const OUTBOX_ROUTES = /^\/(?:channels|webhooks)\//;
/** Long button values are swapped for a hash; this many are remembered. */
const MAX_LONG_IDS = 10_000;

/**
 * Discord over the gateway (discord.js): DMs, mentions in servers, `/crm text:…` and button
 * presses in; embeds and buttons out through REST. Interactions are acknowledged at once
 * (deferReply / deferUpdate) and answered through their token; the outbox does all retries.
 */
export class DiscordAdapter implements Channel {
  readonly platform = 'discord';
  private client: Client | null = null;
  private sender: DiscordSend | null = null;
  private onMessage: InboundHandler | null = null;
  private stopping = false;
  /** Messages of one chat are handled in order; different chats in parallel. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly interactions = new InteractionRegistry();
  private readonly longIds = new Map<string, string>();

  constructor(private readonly options: DiscordChannelOptions, private readonly deps: DiscordChannelDeps = {}) {}

  async start(onMessage: InboundHandler): Promise<void> {
    if (this.client) throw new Error('The Discord channel is already started');
    const api = normaliseApiUrl(this.options.apiUrl);
    const client = new Client({
      intents: INTENTS,
      // DMs arrive for channels the bot has never cached; without this they are dropped.
      partials: [Partials.Channel],
      rest: {
        api, retries: 0, timeout: this.deps.requestTimeoutMs ?? 10_000,
        globalRequestsPerSecond: this.deps.globalRequestsPerSecond ?? 50,
        rejectOnRateLimit: (limit) => OUTBOX_ROUTES.test(limit.route),
      },
      // No message cache: nothing needs it, and the SDK would otherwise swallow re-delivered events before our persisted de-duplication sees them.
      makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
      failIfNotExists: false,
    });
    client.on(Events.MessageCreate, (m) => this.onGatewayMessage(m));
    client.on(Events.InteractionCreate, (i) => this.onInteraction(i));
    client.on(Events.Error, (e) => this.deps.log?.error('discord client error', { error: toChannelError(e).message }));
    client.on(Events.ShardDisconnect, (e) => this.deps.log?.error('discord gateway closed and will not reconnect', { code: e.code }));
    let markReady!: () => void;
    const ready = new Promise<void>((resolve) => { markReady = resolve; });
    client.once(Events.ClientReady, () => markReady());
    this.onMessage = onMessage;
    this.stopping = false;
    // Set before login: the SDK replays events it queued during the handshake right after it is ready.
    this.client = client;
    this.sender = createSender({ rest: client.rest, interactions: this.interactions, customId: (v) => this.customId(v), maxConcurrentRequests: this.deps.maxConcurrentSends ?? 50 });
    try {
      await client.login(this.options.botToken);
      await withTimeout(ready, this.deps.readyTimeoutMs ?? 30_000, 'Discord did not finish connecting in time');
    } catch (error) {
      this.client = null;
      this.sender = null;
      await client.destroy();
      throw startError(error, api);
    }
    if (client.application && client.application.id !== this.options.applicationId) {
      this.deps.log?.error('DISCORD_APPLICATION_ID does not match the bot token’s application: /crm is registered for the wrong application', {});
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.chains.values()]);
    const client = this.client;
    this.client = null;
    this.sender = null;
    await client?.destroy();
  }

  async send(target: Target, reply: Reply): Promise<void> {
    if (!this.sender) throw new ChannelError('The Discord channel is not running', 'unavailable');
    await this.sender(target, reply);
  }

  private bot(): BotIdentity {
    const client = this.client!;
    return {
      userId: client.user!.id,
      roleIdIn: (guildId) => client.guilds.cache.get(guildId)?.roles.botRoleFor(client.user!)?.id,
    };
  }

  private onGatewayMessage(message: Message): void {
    if (!this.client) return;
    const inbound = fromMessage(message, this.bot());
    if (inbound) this.dispatch(inbound);
  }

  private onInteraction(interaction: Interaction): void {
    const isCommand = interaction.isChatInputCommand() && interaction.commandName === CRM_COMMAND_NAME;
    if (!this.client || this.stopping || !(isCommand || interaction.isButton())) return;
    // CRM data asked for in a server is shown to the asker only, and so is what its buttons lead to.
    const ephemeral = interaction.inGuild() && (interaction.isButton() ? interaction.message.flags.has(MessageFlags.Ephemeral) : true);
    // Discord fails an interaction not answered within 3 s; the engine and outbox may take longer.
    const defer = interaction.isButton() ? interaction.deferUpdate() : interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const acknowledged = defer.then(() => true, (error: unknown) => {
      this.deps.log?.error('discord interaction could not be acknowledged; replying in the channel instead', { error: toChannelError(error).message });
      return false;
    });
    this.interactions.add({ id: interaction.id, applicationId: interaction.applicationId, token: interaction.token, kind: interaction.isButton() ? 'update' : 'reply', ephemeral, acknowledged });
    this.dispatch(interaction.isButton() ? fromInteraction(interaction, this.valueOf(interaction.customId)) : fromInteraction(interaction));
  }

  private dispatch(message: InboundMessage): void {
    const handler = this.onMessage;
    if (this.stopping || !handler) return;
    const key = message.chatId;
    const next = (this.chains.get(key) ?? Promise.resolve())
      .then(() => handler(message))
      .catch((error: unknown) => this.deps.log?.error('discord message handling failed', { error: error instanceof Error ? error.message : String(error) }));
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  /** Discord caps custom_id at 100 characters; a longer Choice value travels as its hash. */
  private customId(value: string): string {
    if (value.length <= DISCORD_LIMITS.customIdChars) return value;
    const id = `#${createHash('sha256').update(value).digest('base64url')}`;
    if (this.longIds.size >= MAX_LONG_IDS) this.longIds.delete(this.longIds.keys().next().value!);
    this.longIds.set(id, value);
    return id;
  }

  private valueOf(customId: string): string {
    return this.longIds.get(customId) ?? customId;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
