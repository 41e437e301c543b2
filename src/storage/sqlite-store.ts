import type {
  AuditedEntities, ChatIdentity, Contact, CreateData, Customer, CustomerMessage, Deal, EntityName, FollowUp,
  Interaction, Purchase, SurveyResponse, Ticket, UpdateData, Workspace,
} from '../core/domain.ts';
import type {
  AnalyticsSnapshot, AuditRecord, ContactWithCustomer, ConversationKey, ConversationRecord, CustomerFacts, CustomerName,
  Store, StoreTx, TxOptions, TxResult, UndoableChange,
} from '../core/store.ts';
import { decodeRow, encodeJson } from '../core/json.ts';
import { CUSTOMER_CHILDREN } from '../core/domain.ts';
import type { OutgoingMessage } from '../core/outbox.ts';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteStatements } from './sqlite-statements.ts';
import type { SqliteWriter } from './sqlite-writer.ts';

type Row = Record<string, unknown>;

/** Queues an outgoing message (claimed until `leaseUntil` when given); its id, or null when its key was already queued. */
export function insertOutgoingRow(sql: SqliteStatements, message: OutgoingMessage, at: Date, leaseUntil?: Date): number | null {
  return sql.get<{ id: number }>(
    `INSERT INTO "OutboxMessage" ("idempotencyKey", "platform", "chatId", "threadId", "kind", "payload", "status", "attempts", "leaseUntil", "notBefore", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING "id"`,
    message.key, message.platform, message.chatId, message.threadId ?? null, message.kind, encodeJson(message.reply),
    leaseUntil ? 'sending' : 'pending', leaseUntil ? 1 : 0, leaseUntil ?? null, message.notBefore, at,
  )?.id ?? null;
}


const quoted = (column: string) => `"${column}"`;

/** Per connection, how many writes the Workspace row has had: counted by temporary triggers, whoever writes on it. */
const workspaceWrites = new WeakMap<BetterSqlite3.Database, { count: number }>();

function watchWorkspace(connection: BetterSqlite3.Database): { count: number } {
  let writes = workspaceWrites.get(connection);
  if (!writes) {
    const counter = { count: 0 };
    connection.function('crm_workspace_written', () => {
      counter.count += 1;
      return null;
    });
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      connection.exec(`CREATE TEMP TRIGGER IF NOT EXISTS "workspace_${event.toLowerCase()}" AFTER ${event} ON main."Workspace" BEGIN SELECT crm_workspace_written(); END`);
    }
    workspaceWrites.set(connection, counter);
    writes = counter;
  }
  return writes;
}

/**
 * The Workspace row, read once and kept while nothing can have changed it: every operator message
 * needs it, and it changes only when the operator edits a setting. The triggers count its writes on
 * this connection (by the store or by Prisma); `data_version` tells of other connections' commits.
 */
class WorkspaceCache {
  private readonly writes: { count: number };
  private kept: { row: Workspace; writes: number; dataVersion: number } | undefined;

  constructor(connection: BetterSqlite3.Database) {
    this.writes = watchWorkspace(connection);
  }

  /** Drops the kept row: a transaction that may have changed it was rolled back. */
  forget(): void {
    this.kept = undefined;
  }

  read(sql: SqliteStatements, load: () => Workspace): Workspace {
    const dataVersion = sql.get<{ data_version: number }>('PRAGMA data_version')!.data_version;
    const kept = this.kept;
    if (kept && kept.writes === this.writes.count && kept.dataVersion === dataVersion) return kept.row;
    const row = load();
    this.kept = { row, writes: this.writes.count, dataVersion };
    return row;
  }
}

/**
 * The engine's StoreTx as prepared statements on Prisma's own SQLite connection. A message's
 * transaction is a handful of small statements; through Prisma each one cost more than the
 * commit's fsync, so this path skips the query engine.
 */
class SqliteStoreTx implements StoreTx {
  private changeSet: number | null = null;

  constructor(private readonly sql: SqliteStatements, private readonly actor: string, private readonly workspaceRow: WorkspaceCache) {}

  changeSetId(): number | null {
    return this.changeSet;
  }

  /** Logs one audited write; the first one opens the transaction's change set. */
  private record(e: AuditRecord): void {
    const now = new Date();
    this.changeSet ??= this.sql.get<{ id: number }>(
      'INSERT INTO "ChangeSet" ("actor", "summary", "kind", "createdAt") VALUES (?, \'change\', \'change\', ?) RETURNING "id"', this.actor, now,
    )!.id;
    this.sql.run(
      'INSERT INTO "AuditEntry" ("changeSetId", "action", "entity", "entityId", "before", "after", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
      this.changeSet, e.action, e.entity, e.entityId, e.before && encodeJson(e.before), e.after && encodeJson(e.after), now,
    );
  }

  /** The entity's row with only the table's columns, plus the timestamps Prisma would fill in. */
  private columnsFor(entity: EntityName, data: Row, now: Date, creating: boolean): [string, unknown][] {
    const columns = this.sql.columnsOf(entity);
    const pairs = Object.entries(data).filter(([key, value]) => value !== undefined && columns.has(key));
    const given = new Set(pairs.map(([key]) => key));
    if (creating && columns.has('createdAt') && !given.has('createdAt')) pairs.push(['createdAt', now]);
    if (columns.has('updatedAt') && !given.has('updatedAt')) pairs.push(['updatedAt', now]);
    return pairs;
  }

  async create<E extends EntityName>(entity: E, data: CreateData<E>): Promise<AuditedEntities[E]> {
    const pairs = this.columnsFor(entity, data as Row, new Date(), true);
    const row = this.sql.get<Row & { id: number }>(
      `INSERT INTO "${entity}" (${pairs.map(([k]) => quoted(k)).join(', ')}) VALUES (${pairs.map(() => '?').join(', ')}) RETURNING *`,
      ...pairs.map(([, v]) => v as never),
    )!;
    this.record({ action: 'create', entity, entityId: row.id, before: null, after: row });
    return row as unknown as AuditedEntities[E];
  }

  async update<E extends EntityName>(entity: E, id: number, data: UpdateData<E>): Promise<AuditedEntities[E]> {
    const before = this.row(entity, id);
    if (!before) throw new Error(`${entity} ${id} does not exist`);
    const pairs = this.columnsFor(entity, data as Row, new Date(), false);
    const after = pairs.length === 0 ? before : this.sql.get<Row>(
      `UPDATE "${entity}" SET ${pairs.map(([k]) => `${quoted(k)} = ?`).join(', ')} WHERE "id" = ? RETURNING *`,
      ...pairs.map(([, v]) => v as never), id,
    )!;
    this.record({ action: 'update', entity, entityId: id, before, after });
    return after as unknown as AuditedEntities[E];
  }

  async remove<E extends EntityName>(entity: E, id: number): Promise<void> {
    const before = this.row(entity, id);
    if (!before) return;
    this.sql.run(`DELETE FROM "${entity}" WHERE "id" = ?`, id);
    this.record({ action: 'delete', entity, entityId: id, before, after: null });
  }

  private row(entity: EntityName, id: number): Row | undefined {
    return this.sql.get<Row>(`SELECT * FROM "${entity}" WHERE "id" = ?`, id);
  }

  async get<E extends EntityName>(entity: E, id: number): Promise<AuditedEntities[E] | null> {
    return (this.row(entity, id) ?? null) as AuditedEntities[E] | null;
  }

  async reassignCustomerChildren(fromId: number, toId: number): Promise<number> {
    let moved = 0;
    for (const entity of CUSTOMER_CHILDREN) {
      for (const { id } of this.sql.all<{ id: number }>(`SELECT "id" FROM "${entity}" WHERE "customerId" = ? ORDER BY "id"`, fromId)) {
        await this.update(entity, id, { customerId: toId });
        moved += 1;
      }
    }
    const targetTags = new Set((await this.tagsOf(toId)).map((t) => t.tag));
    for (const t of await this.tagsOf(fromId)) {
      if (targetTags.has(t.tag)) await this.remove('CustomerTag', t.id);
      else await this.update('CustomerTag', t.id, { customerId: toId });
    }
    this.sql.run('UPDATE "RiskAlert" SET "customerId" = ? WHERE "customerId" = ?', toId, fromId);
    return moved;
  }

  async workspace(): Promise<Workspace> {
    return { ...this.workspaceRow.read(this.sql, () => this.readWorkspace()) };
  }

  private readWorkspace(): Workspace {
    const read = () => this.sql.get<Workspace>('SELECT * FROM "Workspace" WHERE "id" = 1');
    const existing = read();
    if (existing) return existing;
    const now = new Date();
    this.sql.run('INSERT INTO "Workspace" ("id", "createdAt", "updatedAt") VALUES (1, ?, ?)', now, now);
    return read()!;
  }

  async findCustomersByKey(nameKey: string): Promise<Customer[]> {
    return this.sql.all('SELECT * FROM "Customer" WHERE "nameKey" = ? ORDER BY "id"', nameKey);
  }

  async listCustomerNames(): Promise<CustomerName[]> {
    return this.sql.all('SELECT "id", "name", "nameKey" FROM "Customer" ORDER BY "id"');
  }

  async listCustomers(filter: { tag?: string; stage?: string; limit: number }): Promise<Customer[]> {
    return this.sql.all(
      `SELECT c.* FROM "Customer" c
       WHERE (@stage IS NULL OR c."stage" = @stage)
         AND (@tag IS NULL OR EXISTS (SELECT 1 FROM "CustomerTag" t WHERE t."customerId" = c."id" AND t."tag" = @tag))
       ORDER BY c."name" LIMIT @limit`,
      { stage: filter.stage || null, tag: filter.tag || null, limit: filter.limit },
    );
  }

  async countCustomers(): Promise<number> {
    return this.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM "Customer"')!.n;
  }

  async findContactsByKey(nameKey: string, customerId?: number): Promise<ContactWithCustomer[]> {
    return this.sql.all(
      `SELECT k.*, c."name" AS "customerName" FROM "Contact" k JOIN "Customer" c ON c."id" = k."customerId"
       WHERE k."nameKey" = @nameKey AND k."erasedAt" IS NULL AND (@customerId IS NULL OR k."customerId" = @customerId) ORDER BY k."id"`,
      { nameKey, customerId: customerId || null },
    );
  }

  async listContactNames(customerId?: number): Promise<ContactWithCustomer[]> {
    return this.sql.all(
      `SELECT k.*, c."name" AS "customerName" FROM "Contact" k JOIN "Customer" c ON c."id" = k."customerId"
       WHERE k."erasedAt" IS NULL AND (@customerId IS NULL OR k."customerId" = @customerId) ORDER BY k."id"`,
      { customerId: customerId || null },
    );
  }

  async tagsOf(customerId: number): Promise<{ id: number; tag: string }[]> {
    return this.sql.all('SELECT "id", "tag" FROM "CustomerTag" WHERE "customerId" = ? ORDER BY "tag"', customerId);
  }

  async customerFacts(customerId: number, recent: number): Promise<CustomerFacts> {
    const customer = this.sql.get<Customer>('SELECT * FROM "Customer" WHERE "id" = ?', customerId);
    if (!customer) throw new Error(`Customer ${customerId} does not exist`);
    const recentInteractions = this.sql.all<Interaction>(
      'SELECT * FROM "Interaction" WHERE "customerId" = ? ORDER BY "occurredAt" DESC, "id" DESC LIMIT ?', customerId, recent,
    );
    const interactionDates = this.sql.all<{ occurredAt: Date }>(
      'SELECT "occurredAt" FROM "Interaction" WHERE "customerId" = ? ORDER BY "occurredAt"', customerId,
    ).map((i) => i.occurredAt);
    return {
      customer,
      tags: this.sql.all<{ tag: string }>('SELECT "tag" FROM "CustomerTag" WHERE "customerId" = ? ORDER BY "tag"', customerId).map((t) => t.tag),
      contacts: this.sql.all<Contact>('SELECT * FROM "Contact" WHERE "customerId" = ? AND "erasedAt" IS NULL ORDER BY "id"', customerId),
      recentInteractions,
      interactionCount: interactionDates.length,
      interactionDates,
      recentSentiments: recentInteractions.map((i) => i.sentiment).filter((s): s is number => s !== null).reverse(),
      openFollowUps: this.sql.all<FollowUp>('SELECT * FROM "FollowUp" WHERE "customerId" = ? AND "status" = \'open\' ORDER BY "dueAt"', customerId),
      purchases: this.sql.all<Purchase>('SELECT * FROM "Purchase" WHERE "customerId" = ? ORDER BY "occurredAt"', customerId),
      openDeals: this.sql.all<Deal>('SELECT * FROM "Deal" WHERE "customerId" = ? AND "stage" NOT IN (\'won\', \'lost\') ORDER BY "id"', customerId),
      openTickets: await this.listOpenTickets(customerId),
      responses: this.sql.all<SurveyResponse>('SELECT * FROM "SurveyResponse" WHERE "customerId" = ? ORDER BY "receivedAt"', customerId),
    };
  }

  async listOpenFollowUps(filter: { customerId?: number; dueBefore?: Date; limit: number }): Promise<(FollowUp & { customerName: string | null })[]> {
    return this.sql.all(
      `SELECT f.*, c."name" AS "customerName" FROM "FollowUp" f LEFT JOIN "Customer" c ON c."id" = f."customerId"
       WHERE f."status" = 'open' AND (@customerId IS NULL OR f."customerId" = @customerId) AND (@dueBefore IS NULL OR f."dueAt" < @dueBefore)
       ORDER BY f."dueAt", f."id" LIMIT @limit`,
      { customerId: filter.customerId || null, dueBefore: filter.dueBefore ?? null, limit: filter.limit },
    );
  }

  async listOpenDeals(customerId?: number): Promise<(Deal & { customerName: string })[]> {
    return this.sql.all(
      `SELECT d.*, c."name" AS "customerName" FROM "Deal" d JOIN "Customer" c ON c."id" = d."customerId"
       WHERE d."stage" NOT IN ('won', 'lost') AND (@customerId IS NULL OR d."customerId" = @customerId) ORDER BY d."stage", d."id"`,
      { customerId: customerId || null },
    );
  }

  async listOpenTickets(customerId: number): Promise<Ticket[]> {
    return this.sql.all('SELECT * FROM "Ticket" WHERE "customerId" = ? AND "status" = \'open\' ORDER BY "openedAt"', customerId);
  }

  async findIdentity(platform: string, platformUserId: string): Promise<ChatIdentity | null> {
    return this.sql.get<ChatIdentity>('SELECT * FROM "ChatIdentity" WHERE "platform" = ? AND "platformUserId" = ?', platform, platformUserId) ?? null;
  }

  async listUnreadCustomerMessages(limit: number): Promise<(CustomerMessage & { contactName: string | null })[]> {
    return this.sql.all(
      `SELECT m.*, k."name" AS "contactName" FROM "CustomerMessage" m LEFT JOIN "Contact" k ON k."id" = m."contactId"
       WHERE m."readAt" IS NULL ORDER BY m."receivedAt" LIMIT ?`,
      limit,
    );
  }

  async markCustomerMessagesRead(ids: number[], at: Date): Promise<void> {
    this.sql.run('UPDATE "CustomerMessage" SET "readAt" = ? WHERE "id" IN (SELECT value FROM json_each(?))', at, JSON.stringify(ids));
  }

  async addCustomerMessage(data: Omit<CustomerMessage, 'id' | 'readAt'>): Promise<void> {
    this.sql.run(
      'INSERT INTO "CustomerMessage" ("contactId", "platform", "chatId", "text", "receivedAt") VALUES (?, ?, ?, ?, ?)',
      data.contactId, data.platform, data.chatId, data.text, data.receivedAt,
    );
  }

  async lastUndoableChange(actor: string): Promise<UndoableChange | null> {
    const set = this.sql.get<{ id: number; summary: string; createdAt: Date }>(
      `SELECT "id", "summary", "createdAt" FROM "ChangeSet" WHERE "actor" = ? AND "kind" = 'change' AND "undoneAt" IS NULL ORDER BY "id" DESC LIMIT 1`,
      actor,
    );
    if (!set) return null;
    const entries = this.sql.all<{ action: AuditRecord['action']; entity: EntityName; entityId: number; before: string | null; after: string | null }>(
      'SELECT "action", "entity", "entityId", "before", "after" FROM "AuditEntry" WHERE "changeSetId" = ? ORDER BY "id"', set.id,
    );
    return { ...set, entries: entries.map((e) => ({ ...e, before: decodeRow(e.before), after: decodeRow(e.after) })) };
  }

  async markUndone(changeSetId: number, at: Date): Promise<void> {
    this.sql.run('UPDATE "ChangeSet" SET "undoneAt" = ? WHERE "id" = ?', at, changeSetId);
  }

  async restore(entity: EntityName, id: number, row: Record<string, unknown> | null): Promise<void> {
    if (row === null) {
      this.sql.run(`DELETE FROM "${entity}" WHERE "id" = ?`, id);
      return;
    }
    const columns = this.sql.columnsOf(entity);
    const pairs = Object.entries({ ...row, id }).filter(([key, value]) => value !== undefined && columns.has(key));
    const names = pairs.map(([k]) => quoted(k));
    this.sql.run(
      `INSERT INTO "${entity}" (${names.join(', ')}) VALUES (${pairs.map(() => '?').join(', ')})
       ON CONFLICT ("id") DO UPDATE SET ${names.map((n) => `${n} = excluded.${n}`).join(', ')}`,
      ...pairs.map(([, v]) => v as never),
    );
    this.record({ action: 'update', entity, entityId: id, before: null, after: row });
  }

  async erasePersonalData(contactId: number, at: Date): Promise<void> {
    const contact = this.sql.get<Contact>('SELECT * FROM "Contact" WHERE "id" = ?', contactId);
    if (!contact) return;
    // Terms this short would scrub unrelated words.
    const terms = [contact.name, contact.email, contact.phone].filter((t): t is string => !!t && t.length >= 3);
    this.sql.run(
      `UPDATE "Contact" SET "name" = 'Erased contact', "nameKey" = ?, "email" = NULL, "phone" = NULL, "role" = NULL, "timeZone" = NULL,
       "erasedAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
      `erased contact ${contactId}`, at, at, contactId,
    );
    this.sql.run('DELETE FROM "ChatIdentity" WHERE "contactId" = ?', contactId);
    this.sql.run('DELETE FROM "InviteCode" WHERE "contactId" = ?', contactId);
    this.sql.run('DELETE FROM "CustomerMessage" WHERE "contactId" = ?', contactId);
    this.sql.run('UPDATE "SurveyResponse" SET "comment" = NULL WHERE "contactId" = ?', contactId);
    this.sql.run('UPDATE "AuditEntry" SET "before" = NULL, "after" = NULL WHERE "entity" = \'Contact\' AND "entityId" = ?', contactId);
    for (const term of terms) {
      this.sql.run('UPDATE "AuditEntry" SET "before" = NULL, "after" = NULL WHERE instr(lower("before"), lower(@term)) > 0 OR instr(lower("after"), lower(@term)) > 0', { term });
      this.sql.run('UPDATE "ChangeSet" SET "summary" = replace("summary", @term, \'[erased]\') WHERE instr("summary", @term) > 0', { term });
      this.sql.run(
        'UPDATE "Interaction" SET "text" = replace("text", @term, \'[erased]\') WHERE "customerId" = @customerId AND instr("text", @term) > 0',
        { term, customerId: contact.customerId },
      );
    }
  }

  async reachableContacts(customerId: number): Promise<{ contactId: number; contactName: string; platform: string; chatId: string | null }[]> {
    return this.sql.all(
      `SELECT i."contactId", k."name" AS "contactName", i."platform", i."chatId" FROM "ChatIdentity" i JOIN "Contact" k ON k."id" = i."contactId"
       WHERE k."customerId" = ? AND k."erasedAt" IS NULL ORDER BY i."id"`,
      customerId,
    );
  }

  async findValidInvite(code: string, at: Date): Promise<{ id: number; contactId: number } | null> {
    return this.sql.get<{ id: number; contactId: number }>(
      'SELECT "id", "contactId" FROM "InviteCode" WHERE "code" = ? AND "usedAt" IS NULL AND "expiresAt" > ?', code, at,
    ) ?? null;
  }

  async rememberOperator(platform: string, platformUserId: string, chatId: string, displayName: string | undefined): Promise<void> {
    const existing = await this.findIdentity(platform, platformUserId);
    if (existing?.operatorId && existing.chatId) return;
    const now = new Date();
    const operatorId = existing?.operatorId
      ?? this.sql.get<{ id: number }>('INSERT INTO "Operator" ("name", "createdAt") VALUES (?, ?) RETURNING "id"', displayName ?? `${platform} operator`, now)!.id;
    this.sql.run(
      `INSERT INTO "ChatIdentity" ("platform", "platformUserId", "chatId", "displayName", "operatorId", "createdAt") VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT ("platform", "platformUserId") DO UPDATE SET "chatId" = excluded."chatId", "operatorId" = excluded."operatorId", "contactId" = NULL`,
      platform, platformUserId, chatId, displayName ?? null, operatorId, now,
    );
  }

  async latestSurvey(contactId: number): Promise<{ id: number; customerId: number; status: string } | null> {
    return this.sql.get<{ id: number; customerId: number; status: string }>(
      `SELECT "id", "customerId", "status" FROM "Survey" WHERE "contactId" = ? AND "status" IN ('sent', 'answered') ORDER BY "sentAt" DESC, "id" DESC LIMIT 1`,
      contactId,
    ) ?? null;
  }

  async analyticsSnapshot(): Promise<AnalyticsSnapshot> {
    return {
      customers: this.sql.all('SELECT "id", "name", "stage", "createdAt" FROM "Customer"'),
      interactions: this.sql.all('SELECT "customerId", "occurredAt", "sentiment" FROM "Interaction" ORDER BY "occurredAt"'),
      purchases: this.sql.all('SELECT "customerId", "occurredAt", "amountMinor", "currency" FROM "Purchase" ORDER BY "occurredAt"'),
      responses: this.sql.all('SELECT "customerId", "score", "receivedAt" FROM "SurveyResponse" ORDER BY "receivedAt"'),
      openTickets: this.sql.all('SELECT "customerId" FROM "Ticket" WHERE "status" = \'open\''),
      openDeals: this.sql.all('SELECT "customerId", "updatedAt" FROM "Deal" WHERE "stage" NOT IN (\'won\', \'lost\')'),
    };
  }

  async enqueueOutgoing(message: OutgoingMessage, at: Date, leaseUntil?: Date): Promise<number | null> {
    return insertOutgoingRow(this.sql, message, at, leaseUntil);
  }

  async conversation(key: ConversationKey): Promise<ConversationRecord> {
    return this.sql.get<ConversationRecord>(
      'SELECT "pending", "lastCustomerId", "lastFollowUpId" FROM "ConversationState" WHERE "platform" = ? AND "chatId" = ? AND "userId" = ?',
      key.platform, key.chatId, key.userId,
    ) ?? { pending: null, lastCustomerId: null, lastFollowUpId: null };
  }

  async saveConversation(key: ConversationKey, state: ConversationRecord): Promise<void> {
    this.sql.run(
      `INSERT INTO "ConversationState" ("platform", "chatId", "userId", "pending", "lastCustomerId", "lastFollowUpId", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT ("platform", "chatId", "userId") DO UPDATE SET "pending" = excluded."pending", "lastCustomerId" = excluded."lastCustomerId",
       "lastFollowUpId" = excluded."lastFollowUpId", "updatedAt" = excluded."updatedAt"`,
      key.platform, key.chatId, key.userId, state.pending, state.lastCustomerId, state.lastFollowUpId, new Date(),
    );
  }

  async markEventProcessed(platform: string, eventId: string, at: Date): Promise<boolean> {
    return this.sql.run(
      'INSERT INTO "ProcessedEvent" ("platform", "eventId", "receivedAt") VALUES (?, ?, ?) ON CONFLICT ("platform", "eventId") DO NOTHING',
      platform, eventId, at,
    ) > 0;
  }

  /** Gives the change set, if the transaction wrote, its confirmation line and kind. */
  closeChangeSet(kind: string, summary: string): void {
    if (this.changeSet !== null) this.sql.run('UPDATE "ChangeSet" SET "summary" = ?, "kind" = ? WHERE "id" = ?', summary, kind, this.changeSet);
  }
}

/** The engine's Store on SQLite: each command is one savepoint in the writer's group commit. */
export function createSqliteStore(writer: SqliteWriter): Store {
  const workspace = new WorkspaceCache(writer.connection);
  return {
    transaction<T>(options: TxOptions, body: (tx: StoreTx) => Promise<TxResult<T>>): Promise<T> {
      return writer.write(async (sql) => {
        const tx = new SqliteStoreTx(sql, options.actor, workspace);
        try {
          const result = await body(tx);
          tx.closeChangeSet(result.kind ?? 'change', result.summary ?? 'change');
          return result.value;
        } catch (error) {
          // Before the writer rolls back and runs the next command, which must not see this one's row.
          workspace.forget();
          throw error;
        }
      }).catch((error: unknown) => {
        // The whole group's commit failed.
        workspace.forget();
        throw error;
      });
    },
    close: async () => undefined,
  };
}
