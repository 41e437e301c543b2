import type {
  ContactChat, CustomerActivity, LastRiskAlert, ScheduledSurvey, ScheduleSettings, SchedulerStore, SurveyCandidate, SurveyTx, UnansweredSurvey,
} from '../scheduler/types.ts';
import type { Database, Prisma } from './database.ts';
import { insertOutgoing, outboxSql } from './prisma-outbox.ts';

type TxClient = Parameters<Parameters<Prisma['$transaction']>[0]>[0];
type Client = Prisma | TxClient;
type Db = Pick<Database, 'prisma' | 'schema' | 'provider'>;

/** Keys per existence check. */
const KEY_CHUNK = 500;
/** How long a survey sweep may wait for another instance's, and run, in ms. */
const TX_MAX_WAIT_MS = 15_000;
const TX_TIMEOUT_MS = 60_000;

const SETTINGS_SELECT = {
  businessName: true, timeZone: true, locale: true, quietHoursStartMin: true, quietHoursEndMin: true, surveyFirstAfterDays: true,
  surveyEveryDays: true, surveyMinGapDays: true, surveyDailyCap: true, surveysPaused: true, churnAlertThreshold: true,
} as const;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The chat to write a contact on: the identity on the given platform, else the first linked one. */
function chatOf(identities: { platform: string; chatId: string | null }[], platform?: string): ContactChat | null {
  const linked = identities.filter((i): i is ContactChat => i.chatId !== null);
  return linked.find((i) => i.platform === platform) ?? linked[0] ?? null;
}

async function lastSentByContact(client: Client, contactIds: number[]): Promise<Map<number, Date>> {
  const map = new Map<number, Date>();
  for (const ids of chunks([...new Set(contactIds)], KEY_CHUNK)) {
    const rows = await client.survey.groupBy({ by: ['contactId'], where: { contactId: { in: ids }, sentAt: { not: null } }, _max: { sentAt: true } });
    for (const r of rows) if (r._max.sentAt) map.set(r.contactId, r._max.sentAt);
  }
  return map;
}

const CONTACT_SELECT = {
  name: true, timeZone: true, erasedAt: true, customer: { select: { name: true, timeZone: true } },
  identities: { where: { chatId: { not: null }, operatorId: null }, select: { platform: true, chatId: true }, orderBy: { id: 'asc' } },
} as const;

function surveyTx(client: TxClient, db: Db, now: () => Date): SurveyTx {
  return {
    settings: () => client.workspace.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select: SETTINGS_SELECT }),

    async listScheduledSurveys(limit): Promise<ScheduledSurvey[]> {
      const rows = await client.survey.findMany({
        where: { status: 'scheduled' }, orderBy: { id: 'asc' }, take: limit,
        select: { id: true, customerId: true, contactId: true, platform: true, contact: { select: CONTACT_SELECT } },
      });
      const last = await lastSentByContact(client, rows.map((r) => r.contactId));
      return rows.map((r) => ({
        id: r.id, customerId: r.customerId, customerName: r.contact.customer.name, contactId: r.contactId, contactName: r.contact.name,
        chat: r.contact.erasedAt ? null : chatOf(r.contact.identities, r.platform),
        timeZone: r.contact.timeZone ?? r.contact.customer.timeZone, lastSentAt: last.get(r.contactId) ?? null,
      }));
    },

    async listSurveyCandidates(): Promise<SurveyCandidate[]> {
      const identities = await client.chatIdentity.findMany({
        where: { contactId: { not: null }, chatId: { not: null }, operatorId: null, contact: { erasedAt: null } },
        orderBy: { id: 'asc' },
        select: { platform: true, chatId: true, contactId: true, contact: { select: { name: true, timeZone: true, customerId: true, customer: { select: { name: true, timeZone: true } } } } },
      });
      const firstPurchase = new Map((await client.purchase.groupBy({ by: ['customerId'], _min: { occurredAt: true } })).map((r) => [r.customerId, r._min.occurredAt]));
      const last = await lastSentByContact(client, identities.map((i) => i.contactId!));
      const byContact = new Map<number, SurveyCandidate>();
      for (const i of identities) {
        const contactId = i.contactId!;
        if (byContact.has(contactId) || !i.contact) continue;
        byContact.set(contactId, {
          customerId: i.contact.customerId, customerName: i.contact.customer.name, contactId, contactName: i.contact.name,
          chat: { platform: i.platform, chatId: i.chatId! }, timeZone: i.contact.timeZone ?? i.contact.customer.timeZone,
          firstPurchaseAt: firstPurchase.get(i.contact.customerId) ?? null, lastSentAt: last.get(contactId) ?? null,
        });
      }
      return [...byContact.values()];
    },

    async listUnremindedSurveys(from, to, limit): Promise<UnansweredSurvey[]> {
      const rows = await client.survey.findMany({
        where: { status: 'sent', remindedAt: null, sentAt: { gte: from, lte: to } }, orderBy: { id: 'asc' }, take: limit,
        select: { id: true, platform: true, sentAt: true, contact: { select: CONTACT_SELECT } },
      });
      return rows.map((r) => ({
        id: r.id, contactName: r.contact.name, chat: r.contact.erasedAt ? null : chatOf(r.contact.identities, r.platform),
        timeZone: r.contact.timeZone ?? r.contact.customer.timeZone, sentAt: r.sentAt!,
      }));
    },

    countSurveysSentSince: (since) => client.survey.count({ where: { sentAt: { gte: since } } }),
    enqueue: async (m) => (await insertOutgoing(client, outboxSql(db), [m], now())) > 0,
    async markSurveySent(id, at) {
      await client.survey.update({ where: { id }, data: { status: 'sent', sentAt: at } });
    },
    async createSentSurvey(s, at) {
      await client.survey.create({ data: { ...s, status: 'sent', sentAt: at, createdAt: at } });
    },
    async markSurveyReminded(id, at) {
      await client.survey.update({ where: { id }, data: { remindedAt: at } });
    },
    async expireSurvey(id) {
      await client.survey.update({ where: { id }, data: { status: 'expired' } });
    },
  };
}

/** The scheduler's store on the product's database (SQLite or PostgreSQL); `now` stamps queued messages. */
export function createPrismaSchedulerStore(db: Db, now: () => Date = () => new Date()): SchedulerStore {
  const prisma = db.prisma;
  const workspaceTable = db.provider === 'postgresql' ? `"${db.schema ?? 'public'}"."Workspace"` : '"Workspace"';
  return {
    settings: (): Promise<ScheduleSettings> => prisma.workspace.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select: SETTINGS_SELECT }),

    async findOperatorChats(accounts) {
      if (accounts.length === 0) return [];
      const rows = await prisma.chatIdentity.findMany({
        where: { OR: accounts.map((a) => ({ platform: a.platform, platformUserId: a.userId })), operatorId: { not: null }, chatId: { not: null } },
        select: { platform: true, platformUserId: true, chatId: true },
      });
      return rows.map((r) => ({ platform: r.platform, userId: r.platformUserId, chatId: r.chatId! }));
    },

    async listDueFollowUps(dueBy, afterId, limit) {
      const rows = await prisma.followUp.findMany({
        where: { status: 'open', dueAt: { lte: dueBy }, id: { gt: afterId } }, orderBy: { id: 'asc' }, take: limit,
        select: { id: true, title: true, dueAt: true, customer: { select: { name: true } } },
      });
      return rows.map(({ customer, ...f }) => ({ ...f, customerName: customer?.name ?? null }));
    },

    async listOpenFollowUps(due, limit) {
      const where = { status: 'open', dueAt: { lt: due.before, ...(due.from ? { gte: due.from } : {}) } };
      const [rows, total] = await Promise.all([
        limit > 0
          ? prisma.followUp.findMany({ where, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: limit, select: { id: true, title: true, dueAt: true, customer: { select: { name: true } } } })
          : Promise.resolve([]),
        prisma.followUp.count({ where }),
      ]);
      return { rows: rows.map(({ customer, ...f }) => ({ ...f, customerName: customer?.name ?? null })), total };
    },

    async existingKeys(keys) {
      const found = new Set<string>();
      for (const part of chunks(keys, KEY_CHUNK)) {
        const rows = await prisma.outboxMessage.findMany({ where: { idempotencyKey: { in: part } }, select: { idempotencyKey: true } });
        for (const r of rows) found.add(r.idempotencyKey);
      }
      return found;
    },

    enqueue: (messages) => insertOutgoing(prisma, outboxSql(db), messages, now()),

    surveys(body) {
      return prisma.$transaction(async (client) => {
        // A write first: survey sweeps of other instances wait here, so the daily cap counts what they sent
        // (a row lock on PostgreSQL; on SQLite the write lock, taken before any read so waiting works).
        const lock = () => client.$executeRawUnsafe(`UPDATE ${workspaceTable} SET "id" = "id" WHERE "id" = 1`);
        if ((await lock()) === 0) {
          await client.workspace.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select: { id: true } });
          await lock();
        }
        return body(surveyTx(client, db, now));
      }, { maxWait: TX_MAX_WAIT_MS, timeout: TX_TIMEOUT_MS });
    },

    async listCustomerActivity(): Promise<CustomerActivity[]> {
      const [customers, interactions, responses, tickets, deals, purchases] = await Promise.all([
        prisma.customer.findMany({ where: { stage: { not: 'churned' } }, select: { id: true, name: true }, orderBy: { id: 'asc' } }),
        prisma.interaction.findMany({ select: { customerId: true, occurredAt: true, sentiment: true }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] }),
        prisma.surveyResponse.findMany({ select: { customerId: true, score: true, receivedAt: true }, orderBy: { receivedAt: 'asc' } }),
        prisma.ticket.groupBy({ by: ['customerId'], where: { status: 'open' }, _count: { _all: true } }),
        prisma.deal.findMany({ where: { stage: { notIn: ['won', 'lost'] } }, select: { customerId: true, updatedAt: true } }),
        prisma.purchase.groupBy({ by: ['customerId'], _count: { _all: true } }),
      ]);
      const byId = new Map<number, CustomerActivity>(customers.map((c) => [c.id, {
        customerId: c.id, name: c.name, interactions: [], npsAnswers: [], openTickets: 0, openDeals: [], purchases: 0,
      }]));
      for (const i of interactions) byId.get(i.customerId)?.interactions.push({ at: i.occurredAt, sentiment: i.sentiment });
      for (const r of responses) byId.get(r.customerId)?.npsAnswers.push({ score: r.score, answeredAt: r.receivedAt });
      for (const d of deals) byId.get(d.customerId)?.openDeals.push({ lastActivityAt: d.updatedAt });
      for (const t of tickets) { const a = byId.get(t.customerId); if (a) a.openTickets = t._count._all; }
      for (const p of purchases) { const a = byId.get(p.customerId); if (a) a.purchases = p._count._all; }
      return [...byId.values()];
    },

    async lastRiskAlerts() {
      const rows = await prisma.riskAlert.findMany({ select: { customerId: true, risk: true, sentAt: true }, orderBy: [{ sentAt: 'asc' }, { id: 'asc' }] });
      return new Map<number, LastRiskAlert>(rows.map((r) => [r.customerId, { risk: r.risk, sentAt: r.sentAt }]));
    },

    async recordRiskAlert(alert, messages) {
      const [first, ...rest] = messages;
      if (!first) return false;
      return prisma.$transaction(async (client) => {
        const at = now();
        if ((await insertOutgoing(client, outboxSql(db), [first], at)) === 0) return false;
        await insertOutgoing(client, outboxSql(db), rest, at);
        await client.riskAlert.create({ data: { customerId: alert.customerId, risk: alert.risk, reasons: alert.reasons.join('; '), sentAt: alert.sentAt } });
        return true;
      }, { maxWait: TX_MAX_WAIT_MS, timeout: TX_TIMEOUT_MS });
    },
  };
}
