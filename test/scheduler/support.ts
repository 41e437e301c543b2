import { createCore, type Core } from '../../src/app.ts';
import { loadConfig, operatorIds, type Config } from '../../src/config.ts';
import { ChannelError, type Channel, type Target } from '../../src/core/channel.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createDelivery, type Delivery } from '../../src/core/delivery.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import { nameKey } from '../../src/core/names.ts';
import type { OutboxStore } from '../../src/core/outbox.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createScheduler, type Scheduler } from '../../src/scheduler/scheduler.ts';
import { createSurveyAnswerHook } from '../../src/scheduler/survey-answer.ts';
import { operatorAccounts } from '../../src/scheduler/targets.ts';
import { createOutbox } from '../../src/storage/outbox.ts';
import { createPrismaSchedulerStore } from '../../src/storage/prisma-scheduler-store.ts';
import { testDatabase, type TestDatabase } from '../support/databases.ts';

export { until } from '../support/waiting.ts';

/** One message a fake channel delivered. */
export interface Delivered {
  platform: string;
  chatId: string;
  reply: Reply;
  /** The test clock's reading when it was sent. */
  at: Date;
}

/** A channel that records what it is asked to send; it can be told to fail the next sends. */
export class FakeChannel implements Channel {
  readonly sent: Delivered[] = [];
  private failures: ChannelError[] = [];

  constructor(readonly platform: string, private readonly now: () => Date = () => new Date()) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async send(target: Target, reply: Reply): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ platform: this.platform, chatId: target.chatId, reply, at: this.now() });
  }

  /** The next `n` sends fail with this error. */
  failNext(error: ChannelError, n = 1): void {
    for (let i = 0; i < n; i += 1) this.failures.push(error);
  }
}

/** A bot with a fixed clock, fake channels, the outbox deliverer and the scheduler, on a fresh database. */
export interface SchedulerHarness {
  db: TestDatabase;
  config: Config;
  core: Core;
  clock: ReturnType<typeof fixedClock>;
  channels: Map<string, FakeChannel>;
  outbox: OutboxStore;
  delivery: Delivery;
  scheduler: Scheduler;
  /** Everything delivered so far, over all channels, in order. */
  delivered(): Delivered[];
  /** Sets the clock, runs every sweep, delivers; returns what was delivered by this tick. */
  tick(at?: Date): Promise<Delivered[]>;
  /** Sends text as the console operator (replies come back directly). */
  say(text: string): Promise<Reply[]>;
  /** A message on a platform through the outbox, as the runtime does; then delivers. */
  inbound(msg: Partial<InboundMessage> & { platform: string; userId: string; chatId: string; text: string }): Promise<Delivered[]>;
  /** Closes the bot and opens a new one on the same database (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Options of a harness. */
export interface HarnessOptions {
  start?: Date;
  /** Environment on top of the defaults (DATABASE_URL, CRM_TIME_ZONE=America/New_York). */
  env?: Record<string, string>;
  /** Platforms with a running channel. Default console and telegram. */
  platforms?: string[];
  /** An existing database (a second instance); default a fresh one. */
  db?: TestDatabase;
  /** Share this harness's database connection (a second scheduler and deliverer in the same process). */
  sharing?: SchedulerHarness;
}

/**
 * A second instance over the same database: its own connection on PostgreSQL; on SQLite a second
 * scheduler and deliverer in the same process (two SQLite connections in one process would wait
 * for each other's lock synchronously; several instances are a PostgreSQL set-up).
 */
export function secondInstance(first: SchedulerHarness, provider: 'sqlite' | 'postgresql'): Promise<SchedulerHarness> {
  return startSchedulerHarness(provider, { start: first.clock.now(), db: first.db, ...(provider === 'sqlite' ? { sharing: first } : {}) });
}

/** Starts a scheduler harness. */
export async function startSchedulerHarness(provider: 'sqlite' | 'postgresql', options: HarnessOptions = {}): Promise<SchedulerHarness> {
  const db = options.db ?? testDatabase(provider);
  const clock = fixedClock(options.start ?? new Date('2026-11-24T15:00:00.000Z'));
  const config = loadConfig({ DATABASE_URL: db.url, CRM_TIME_ZONE: 'America/New_York', ...options.env });
  const platforms = options.platforms ?? ['console', 'telegram'];
  const channels = new Map(platforms.map((p) => [p, new FakeChannel(p, () => clock.now())]));
  const all: Delivered[] = [];

  async function build() {
    const ids = operatorIds(config);
    const hook = createSurveyAnswerHook({ operators: operatorAccounts(ids), platforms });
    const core = options.sharing?.core ?? await createCore(config, { clock, extra: { onSurveyAnswer: hook } });
    const outbox = createOutbox(core.db, () => clock.now());
    const delivery = createDelivery({ outbox, channels, clock, options: { backoffBaseMs: 1_000 } });
    const scheduler = createScheduler({ store: createPrismaSchedulerStore(core.db, () => clock.now()), clock, operatorIds: ids, platforms });
    return { core, outbox, delivery, scheduler };
  }

  async function deliverAll(): Promise<Delivered[]> {
    const before = new Map([...channels].map(([p, c]) => [p, c.sent.length]));
    await h.delivery.drain();
    const fresh = [...channels].flatMap(([p, c]) => c.sent.slice(before.get(p)));
    all.push(...fresh);
    return fresh;
  }

  const h: SchedulerHarness = {
    db, config, clock, channels,
    ...(await build()),
    delivered: () => [...all],
    async tick(at) {
      if (at) clock.set(at);
      await h.scheduler.runOnce();
      return deliverAll();
    },
    say: (text) => h.core.engine.handle({ platform: 'console', chatId: 'console', userId: 'operator', text, receivedAt: clock.now() }),
    async inbound(msg) {
      await h.core.engine.handle({ receivedAt: clock.now(), ...msg }, { viaOutbox: true });
      return deliverAll();
    },
    async restart() {
      await h.scheduler.stop();
      await h.core.close();
      Object.assign(h, await build());
    },
    async close() {
      await h.scheduler.stop();
      if (!options.sharing) await h.core.close();
      if (!options.db) await db.drop();
    },
  };
  return h;
}

/** Reply text with its fields and items, for compact assertions. */
export function textOf(r: Reply): string {
  return [r.title, r.text, ...(r.fields ?? []).map((f) => `${f.label}: ${f.value}`), ...(r.items ?? [])].filter(Boolean).join('\n');
}

/** Adds a contact linked to a chat (as an invite link does) at a customer (created if new), and optionally the customer's first purchase. */
export async function linkedContact(core: Core, o: {
  customer: string; contact: string; platform?: string; userId: string; chatId?: string; timeZone?: string; purchasedAt?: Date;
}): Promise<{ customerId: number; contactId: number }> {
  const p = core.db.prisma;
  const customer = await p.customer.findFirst({ where: { nameKey: nameKey(o.customer) } })
    ?? await p.customer.create({ data: { name: o.customer, nameKey: nameKey(o.customer) } });
  const contact = await p.contact.create({ data: { customerId: customer.id, name: o.contact, nameKey: nameKey(o.contact), timeZone: o.timeZone ?? null } });
  await p.chatIdentity.create({ data: { platform: o.platform ?? 'telegram', platformUserId: o.userId, chatId: o.chatId ?? `chat-${o.userId}`, contactId: contact.id } });
  if (o.purchasedAt && !(await p.purchase.count({ where: { customerId: customer.id } }))) await p.purchase.create({ data: { customerId: customer.id, amountMinor: 10_000, currency: 'USD', occurredAt: o.purchasedAt } });
  return { customerId: customer.id, contactId: contact.id };
}

/** The instant `days` days (24 h each) after `at`. */
export function daysAfter(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}
