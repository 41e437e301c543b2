import type {
  AuditedEntities, ChatIdentity, CreateData, Customer, EntityName, UpdateData, Workspace,
} from '../core/domain.ts';
import type {
  AuditRecord, ConversationKey, ConversationRecord, Store, StoreTx, TxOptions, TxResult, UndoableChange,
} from '../core/store.ts';
import { decodeRow, encodeJson } from '../core/json.ts';
import { CUSTOMER_CHILDREN } from '../core/domain.ts';
import type { Database } from './database.ts';
import { outboxSql, type OutboxSql } from './prisma-outbox.ts';
import type { OutgoingMessage } from '../core/outbox.ts';


type TxClient = Parameters<Parameters<Database['prisma']['$transaction']>[0]>[0];

/** A Prisma model delegate reduced to what generic audited writes need. */
interface Delegate {
  create(args: { data: unknown }): Promise<unknown>;
  update(args: { where: { id: number }; data: unknown }): Promise<unknown>;
  delete(args: { where: { id: number } }): Promise<unknown>;
  deleteMany(args: { where: { id: number } }): Promise<unknown>;
  findUnique(args: { where: { id: number } }): Promise<unknown>;
  upsert(args: { where: { id: number }; create: unknown; update: unknown }): Promise<unknown>;
}

/** How long a transaction may wait for the database and run, in ms. */
const TX_MAX_WAIT_MS = 10_000;
const TX_TIMEOUT_MS = 30_000;

function delegate(tx: TxClient, entity: EntityName): Delegate {
  const key = entity.charAt(0).toLowerCase() + entity.slice(1);
  return (tx as unknown as Record<string, Delegate>)[key]!;
}

class PrismaStoreTx implements StoreTx {
  private changeSet: number | null = null;

  constructor(private readonly tx: TxClient, private readonly outbox: OutboxSql, private readonly actor: string) {}

  changeSetId(): number | null {
    return this.changeSet;
  }

  private readonly entries: AuditRecord[] = [];

  /** Logs one audited write; the first one opens the transaction's change set (its entries are written at the end, in one statement). */
  private async record(e: AuditRecord): Promise<void> {
    this.changeSet ??= (await this.tx.changeSet.create({ data: { actor: this.actor, summary: 'change', kind: 'change' }, select: { id: true } })).id;
    this.entries.push(e);
  }

  /** Writes the audit entries and gives the change set, if the transaction wrote, its confirmation line and kind. */
  async closeChangeSet(kind: string, summary: string): Promise<void> {
    if (this.changeSet === null) return;
    const changeSetId = this.changeSet;
    await this.tx.auditEntry.createMany({
      data: this.entries.map((e) => ({ changeSetId, action: e.action, entity: e.entity, entityId: e.entityId, before: e.before && encodeJson(e.before), after: e.after && encodeJson(e.after) })),
    });
    await this.tx.changeSet.update({ where: { id: changeSetId }, data: { summary, kind } });
  }

  async enqueueOutgoing(message: OutgoingMessage, at: Date, leaseUntil?: Date): Promise<number | null> {
    const p = this.outbox.param;
    const rows = await this.tx.$queryRawUnsafe<{ id: number | bigint }[]>(
      `INSERT INTO ${this.outbox.table} ("idempotencyKey", "platform", "chatId", "threadId", "kind", "payload", "status", "attempts", "leaseUntil", "notBefore", "createdAt")
       VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(p).join(', ')}) ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING "id"`,
      message.key, message.platform, message.chatId, message.threadId ?? null, message.kind, encodeJson(message.reply),
      leaseUntil ? 'sending' : 'pending', leaseUntil ? 1 : 0, leaseUntil ?? null, message.notBefore, at,
    );
    return rows[0] ? Number(rows[0].id) : null;
  }

  async create<E extends EntityName>(entity: E, data: CreateData<E>): Promise<AuditedEntities[E]> {
    const row = (await delegate(this.tx, entity).create({ data })) as AuditedEntities[E] & { id: number };
    await this.record({ action: 'create', entity, entityId: row.id, before: null, after: row as unknown as Record<string, unknown> });
    return row;
  }

  async update<E extends EntityName>(entity: E, id: number, data: UpdateData<E>): Promise<AuditedEntities[E]> {
    const d = delegate(this.tx, entity);
    const before = await d.findUnique({ where: { id } });
    if (!before) throw new Error(`${entity} ${id} does not exist`);
    const after = (await d.update({ where: { id }, data })) as AuditedEntities[E];
    await this.record({ action: 'update', entity, entityId: id, before: before as Record<string, unknown>, after: after as unknown as Record<string, unknown> });
    return after;
  }

  async remove<E extends EntityName>(entity: E, id: number): Promise<void> {
    const d = delegate(this.tx, entity);
    const before = await d.findUnique({ where: { id } });
    if (!before) return;
    await d.delete({ where: { id } });
    await this.record({ action: 'delete', entity, entityId: id, before: before as Record<string, unknown>, after: null });
  }

  async get<E extends EntityName>(entity: E, id: number): Promise<AuditedEntities[E] | null> {
    return (await delegate(this.tx, entity).findUnique({ where: { id } })) as AuditedEntities[E] | null;
  }

  async reassignCustomerChildren(fromId: number, toId: number): Promise<number> {
    let moved = 0;
    for (const entity of CUSTOMER_CHILDREN) {
      const rows = (await (delegate(this.tx, entity) as unknown as { findMany(a: unknown): Promise<{ id: number }[]> })
        .findMany({ where: { customerId: fromId }, select: { id: true } }));
      for (const row of rows) {
        await this.update(entity, row.id, { customerId: toId } as UpdateData<typeof entity>);
        moved += 1;
      }
    }
    const targetTags = new Set((await this.tagsOf(toId)).map((t) => t.tag));
    for (const t of await this.tagsOf(fromId)) {
      if (targetTags.has(t.tag)) await this.remove('CustomerTag', t.id);
      else await this.update('CustomerTag', t.id, { customerId: toId });
    }
    await this.tx.riskAlert.updateMany({ where: { customerId: fromId }, data: { customerId: toId } });
    return moved;
  }

  async workspace(): Promise<Workspace> {
    // Read first: an upsert would be a write (and a lock) on every message.
    return (await this.tx.workspace.findUnique({ where: { id: 1 } })) ?? this.tx.workspace.create({ data: { id: 1 } });
  }

  findCustomersByKey(nameKey: string): Promise<Customer[]> {
    return this.tx.customer.findMany({ where: { nameKey }, orderBy: { id: 'asc' } });
  }

  listCustomerNames() {
    return this.tx.customer.findMany({ select: { id: true, name: true, nameKey: true }, orderBy: { id: 'asc' } });
  }

  listCustomers(filter: { tag?: string; stage?: string; limit: number }): Promise<Customer[]> {
    return this.tx.customer.findMany({
      where: { ...(filter.stage ? { stage: filter.stage } : {}), ...(filter.tag ? { tags: { some: { tag: filter.tag } } } : {}) },
      orderBy: { name: 'asc' },
      take: filter.limit,
    });
  }

  countCustomers(): Promise<number> {
    return this.tx.customer.count();
  }

  async findContactsByKey(nameKey: string, customerId?: number) {
    const rows = await this.tx.contact.findMany({
      where: { nameKey, erasedAt: null, ...(customerId ? { customerId } : {}) },
      include: { customer: { select: { name: true } } },
      orderBy: { id: 'asc' },
    });
    return rows.map(({ customer, ...c }) => ({ ...c, customerName: customer.name }));
  }

  async listContactNames(customerId?: number) {
    const rows = await this.tx.contact.findMany({
      where: { erasedAt: null, ...(customerId ? { customerId } : {}) },
      include: { customer: { select: { name: true } } },
      orderBy: { id: 'asc' },
    });
    return rows.map(({ customer, ...c }) => ({ ...c, customerName: customer.name }));
  }

  tagsOf(customerId: number) {
    return this.tx.customerTag.findMany({ where: { customerId }, select: { id: true, tag: true }, orderBy: { tag: 'asc' } });
  }

  async customerFacts(customerId: number, recent: number) {
    const customer = await this.tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    const [tags, contacts, recentInteractions, interactionDates, openFollowUps, purchases, openDeals, openTickets, responses] = await Promise.all([
      this.tx.customerTag.findMany({ where: { customerId }, orderBy: { tag: 'asc' } }),
      this.tx.contact.findMany({ where: { customerId, erasedAt: null }, orderBy: { id: 'asc' } }),
      this.tx.interaction.findMany({ where: { customerId }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: recent }),
      this.tx.interaction.findMany({ where: { customerId }, select: { occurredAt: true }, orderBy: { occurredAt: 'asc' } }),
      this.tx.followUp.findMany({ where: { customerId, status: 'open' }, orderBy: { dueAt: 'asc' } }),
      this.tx.purchase.findMany({ where: { customerId }, orderBy: { occurredAt: 'asc' } }),
      this.tx.deal.findMany({ where: { customerId, stage: { notIn: ['won', 'lost'] } }, orderBy: { id: 'asc' } }),
      this.tx.ticket.findMany({ where: { customerId, status: 'open' }, orderBy: { openedAt: 'asc' } }),
      this.tx.surveyResponse.findMany({ where: { customerId }, orderBy: { receivedAt: 'asc' } }),
    ]);
    return {
      customer,
      tags: tags.map((t) => t.tag),
      contacts,
      recentInteractions,
      interactionCount: interactionDates.length,
      interactionDates: interactionDates.map((i) => i.occurredAt),
      recentSentiments: recentInteractions.map((i) => i.sentiment).filter((s): s is number => s !== null).reverse(),
      openFollowUps,
      purchases,
      openDeals,
      openTickets,
      responses,
    };
  }

  async listOpenFollowUps(filter: { customerId?: number; dueBefore?: Date; limit: number }) {
    const rows = await this.tx.followUp.findMany({
      where: { status: 'open', ...(filter.customerId ? { customerId: filter.customerId } : {}), ...(filter.dueBefore ? { dueAt: { lt: filter.dueBefore } } : {}) },
      include: { customer: { select: { name: true } } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: filter.limit,
    });
    return rows.map(({ customer, ...f }) => ({ ...f, customerName: customer?.name ?? null }));
  }

  async listOpenDeals(customerId?: number) {
    const rows = await this.tx.deal.findMany({
      where: { stage: { notIn: ['won', 'lost'] }, ...(customerId ? { customerId } : {}) },
      include: { customer: { select: { name: true } } },
      orderBy: [{ stage: 'asc' }, { id: 'asc' }],
    });
    return rows.map(({ customer, ...d }) => ({ ...d, customerName: customer.name }));
  }

  listOpenTickets(customerId: number) {
    return this.tx.ticket.findMany({ where: { customerId, status: 'open' }, orderBy: { openedAt: 'asc' } });
  }

  findIdentity(platform: string, platformUserId: string): Promise<ChatIdentity | null> {
    return this.tx.chatIdentity.findUnique({ where: { platform_platformUserId: { platform, platformUserId } } });
  }

  async listUnreadCustomerMessages(limit: number) {
    const rows = await this.tx.customerMessage.findMany({
      where: { readAt: null }, include: { contact: { select: { name: true } } }, orderBy: { receivedAt: 'asc' }, take: limit,
    });
    return rows.map(({ contact, ...m }) => ({ ...m, contactName: contact?.name ?? null }));
  }

  async markCustomerMessagesRead(ids: number[], at: Date) {
    await this.tx.customerMessage.updateMany({ where: { id: { in: ids } }, data: { readAt: at } });
  }

  async addCustomerMessage(data: { contactId: number | null; platform: string; chatId: string; text: string; receivedAt: Date }) {
    await this.tx.customerMessage.create({ data });
  }

  async lastUndoableChange(actor: string): Promise<UndoableChange | null> {
    const set = await this.tx.changeSet.findFirst({
      where: { actor, kind: 'change', undoneAt: null },
      orderBy: { id: 'desc' },
      include: { entries: { orderBy: { id: 'asc' } } },
    });
    if (!set) return null;
    return {
      id: set.id,
      summary: set.summary,
      createdAt: set.createdAt,
      entries: set.entries.map((e) => ({
        action: e.action as AuditRecord['action'],
        entity: e.entity as EntityName,
        entityId: e.entityId,
        before: decodeRow(e.before),
        after: decodeRow(e.after),
      })),
    };
  }

  async markUndone(changeSetId: number, at: Date) {
    await this.tx.changeSet.update({ where: { id: changeSetId }, data: { undoneAt: at } });
  }

  async restore(entity: EntityName, id: number, row: Record<string, unknown> | null) {
    const d = delegate(this.tx, entity);
    if (row === null) {
      await d.deleteMany({ where: { id } });
      return;
    }
    await d.upsert({ where: { id }, create: row, update: row });
    await this.record({ action: 'update', entity, entityId: id, before: null, after: row });
  }

  async erasePersonalData(contactId: number, at: Date) {
    const contact = await this.tx.contact.findUnique({ where: { id: contactId } });
    if (!contact) return;
    // Terms this short would scrub unrelated words.
    const terms = [contact.name, contact.email, contact.phone].filter((t): t is string => !!t && t.length >= 3);
    await this.tx.contact.update({ where: { id: contactId }, data: { name: 'Erased contact', nameKey: `erased contact ${contactId}`, email: null, phone: null, role: null, timeZone: null, erasedAt: at } });
    await this.tx.chatIdentity.deleteMany({ where: { contactId } });
    await this.tx.inviteCode.deleteMany({ where: { contactId } });
    await this.tx.customerMessage.deleteMany({ where: { contactId } });
    await this.tx.surveyResponse.updateMany({ where: { contactId }, data: { comment: null } });
    await this.tx.auditEntry.updateMany({ where: { entity: 'Contact', entityId: contactId }, data: { before: null, after: null } });
    for (const term of terms) {
      await this.tx.auditEntry.updateMany({ where: { OR: [{ before: { contains: term } }, { after: { contains: term } }] }, data: { before: null, after: null } });
      for (const set of await this.tx.changeSet.findMany({ where: { summary: { contains: term } }, select: { id: true, summary: true } })) {
        await this.tx.changeSet.update({ where: { id: set.id }, data: { summary: set.summary.split(term).join('[erased]') } });
      }
      for (const i of await this.tx.interaction.findMany({ where: { customerId: contact.customerId, text: { contains: term } }, select: { id: true, text: true } })) {
        await this.tx.interaction.update({ where: { id: i.id }, data: { text: i.text.split(term).join('[erased]') } });
      }
    }
  }

  async reachableContacts(customerId: number) {
    const rows = await this.tx.chatIdentity.findMany({
      where: { contact: { customerId, erasedAt: null } },
      include: { contact: { select: { name: true } } },
      orderBy: { id: 'asc' },
    });
    return rows.map((r) => ({ contactId: r.contactId!, contactName: r.contact!.name, platform: r.platform, chatId: r.chatId }));
  }

  async findValidInvite(code: string, at: Date) {
    return this.tx.inviteCode.findFirst({ where: { code, usedAt: null, expiresAt: { gt: at } }, select: { id: true, contactId: true } });
  }

  async rememberOperator(platform: string, platformUserId: string, chatId: string, displayName: string | undefined) {
    const existing = await this.tx.chatIdentity.findUnique({ where: { platform_platformUserId: { platform, platformUserId } }, select: { id: true, chatId: true, operatorId: true } });
    if (existing?.operatorId && existing.chatId) return;
    const operator = existing?.operatorId ? { id: existing.operatorId } : await this.tx.operator.create({ data: { name: displayName ?? `${platform} operator` } });
    await this.tx.chatIdentity.upsert({
      where: { platform_platformUserId: { platform, platformUserId } },
      create: { platform, platformUserId, chatId, displayName: displayName ?? null, operatorId: operator.id },
      update: { chatId, operatorId: operator.id, contactId: null },
    });
  }

  latestSurvey(contactId: number) {
    return this.tx.survey.findFirst({ where: { contactId, status: { in: ['sent', 'answered'] } }, orderBy: [{ sentAt: 'desc' }, { id: 'desc' }], select: { id: true, customerId: true, status: true } });
  }

  async analyticsSnapshot() {
    const [customers, interactions, purchases, responses, openTickets, openDeals] = await Promise.all([
      this.tx.customer.findMany({ select: { id: true, name: true, stage: true, createdAt: true } }),
      this.tx.interaction.findMany({ select: { customerId: true, occurredAt: true, sentiment: true }, orderBy: { occurredAt: 'asc' } }),
      this.tx.purchase.findMany({ select: { customerId: true, occurredAt: true, amountMinor: true, currency: true }, orderBy: { occurredAt: 'asc' } }),
      this.tx.surveyResponse.findMany({ select: { customerId: true, score: true, receivedAt: true }, orderBy: { receivedAt: 'asc' } }),
      this.tx.ticket.findMany({ where: { status: 'open' }, select: { customerId: true } }),
      this.tx.deal.findMany({ where: { stage: { notIn: ['won', 'lost'] } }, select: { customerId: true, updatedAt: true } }),
    ]);
    return { customers, interactions, purchases, responses, openTickets, openDeals };
  }

  async conversation(key: ConversationKey): Promise<ConversationRecord> {
    const row = await this.tx.conversationState.findUnique({ where: { platform_chatId_userId: key }, select: { pending: true, lastCustomerId: true, lastFollowUpId: true } });
    return row ?? { pending: null, lastCustomerId: null, lastFollowUpId: null };
  }

  async saveConversation(key: ConversationKey, state: ConversationRecord) {
    await this.tx.conversationState.upsert({ where: { platform_chatId_userId: key }, create: { ...key, ...state }, update: state });
  }

  async markEventProcessed(platform: string, eventId: string, at: Date): Promise<boolean> {
    const existing = await this.tx.processedEvent.findUnique({ where: { platform_eventId: { platform, eventId } }, select: { id: true } });
    if (existing) return false;
    await this.tx.processedEvent.create({ data: { platform, eventId, receivedAt: at } });
    return true;
  }
}

/** The engine's Store on a Prisma client (SQLite or PostgreSQL). */
export function createPrismaStore(db: Pick<Database, 'prisma' | 'schema' | 'provider'>): Store {
  const prisma = db.prisma;
  const outbox = outboxSql(db);
  return {
    async transaction<T>(options: TxOptions, body: (tx: StoreTx) => Promise<TxResult<T>>): Promise<T> {
      return prisma.$transaction(async (client) => {
        const tx = new PrismaStoreTx(client, outbox, options.actor);
        const result = await body(tx);
        await tx.closeChangeSet(result.kind ?? 'change', result.summary ?? 'change');
        return result.value;
      }, { maxWait: TX_MAX_WAIT_MS, timeout: TX_TIMEOUT_MS });
    },
    close: () => prisma.$disconnect(),
  };
}

