import { decodeJson, encodeJson } from '../core/json.ts';
import { MAX_ERROR_LENGTH, type ClaimedMessage, type FailedMessage, type OutboxStore, type OutgoingKind, type OutgoingMessage } from '../core/outbox.ts';
import type { Reply } from '../core/reply.ts';
import type { Database, Prisma } from './database.ts';

type Queryable = Pick<Prisma, '$executeRawUnsafe'>;


/** How raw SQL reaches the outbox table on this database. */
export interface OutboxSql {
  /** The table, qualified by schema on PostgreSQL. */
  table: string;
  /** The n-th (1-based) parameter placeholder: `$n` on PostgreSQL, `?` (taken in order) on SQLite. */
  param(n: number): string;
}

/** The outbox's raw-SQL dialect for a database. */
export function outboxSql(db: Pick<Database, 'schema' | 'provider'>): OutboxSql {
  return db.provider === 'postgresql'
    ? { table: `"${db.schema ?? 'public'}"."OutboxMessage"`, param: (n) => `$${n}` }
    : { table: '"OutboxMessage"', param: () => '?' };
}

/** The OutboxMessage columns the deliverer reads. */
export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  platform: string;
  chatId: string;
  threadId: string | null;
  kind: string;
  payload: string;
  notBefore: Date;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

/** A claimed row as the deliverer sees it. */
export function claimedFromRow(r: OutboxRow): ClaimedMessage {
  return {
    id: r.id, key: r.idempotencyKey, platform: r.platform, chatId: r.chatId, ...(r.threadId ? { threadId: r.threadId } : {}),
    kind: r.kind as OutgoingKind, reply: decodeJson<Reply>(r.payload), notBefore: r.notBefore, attempts: r.attempts,
  };
}

/** A failed row as the operator's alert shows it. */
export function failedFromRow(r: OutboxRow): FailedMessage {
  return { id: r.id, platform: r.platform, kind: r.kind as OutgoingKind, lastError: r.lastError, createdAt: r.createdAt };
}

/** Rows per multi-row INSERT (8 parameters each; well under SQLite's and PostgreSQL's limits). */
const INSERT_CHUNK = 200;

/** Inserts messages, skipping keys already queued; returns how many were inserted. Works inside or outside a transaction. */
export async function insertOutgoing(client: Queryable, sql: OutboxSql, messages: readonly OutgoingMessage[], now: Date): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < messages.length; start += INSERT_CHUNK) {
    const args: unknown[] = [];
    const rows = messages.slice(start, start + INSERT_CHUNK).map((m) => {
      const at = (value: unknown) => {
        args.push(value);
        return sql.param(args.length);
      };
      return `(${at(m.key)}, ${at(m.platform)}, ${at(m.chatId)}, ${at(m.threadId ?? null)}, ${at(m.kind)}, ${at(encodeJson(m.reply))}, 'pending', 0, ${at(m.notBefore)}, ${at(now)})`;
    });
    inserted += await client.$executeRawUnsafe(
      `INSERT INTO ${sql.table} ("idempotencyKey", "platform", "chatId", "threadId", "kind", "payload", "status", "attempts", "notBefore", "createdAt")
       VALUES ${rows.join(', ')} ON CONFLICT ("idempotencyKey") DO NOTHING`,
      ...args,
    );
  }
  return inserted;
}

/** The outbox on the product's database: claims are one UPDATE, so concurrent instances never share a message. */
export function createPrismaOutbox(db: Pick<Database, 'prisma' | 'schema' | 'provider'>, now: () => Date = () => new Date()): OutboxStore {
  const prisma = db.prisma;
  const sql = outboxSql(db);
  const { table, param: p } = sql;
  // PostgreSQL skips rows another instance is claiming; SQLite has a single writer anyway.
  const lock = db.provider === 'postgresql' ? 'FOR UPDATE SKIP LOCKED' : '';
  return {
    enqueue: async (m) => (await insertOutgoing(prisma, sql, [m], now())) > 0,

    async claimDue(at, limit, leaseMs) {
      const leaseUntil = new Date(at.getTime() + leaseMs);
      const ids = await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
        `UPDATE ${table} SET "status" = 'sending', "leaseUntil" = ${p(1)}, "attempts" = "attempts" + 1
         WHERE "id" IN (SELECT "id" FROM ${table}
           WHERE ("status" = 'pending' AND "notBefore" <= ${p(2)}) OR ("status" = 'sending' AND "leaseUntil" < ${p(3)})
           ORDER BY "notBefore", "id" LIMIT ${p(4)} ${lock})
         RETURNING "id"`,
        leaseUntil, at, at, limit,
      );
      if (ids.length === 0) return [];
      const rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids.map((r) => Number(r.id)) } }, orderBy: [{ notBefore: 'asc' }, { id: 'asc' }] });
      return rows.map(claimedFromRow);
    },

    async markSent(ids, at) {
      if (ids.length === 0) return;
      await prisma.outboxMessage.updateMany({ where: { id: { in: [...ids] } }, data: { status: 'sent', sentAt: at, leaseUntil: null, lastError: null } });
    },

    async reschedule(id, notBefore, error) {
      await prisma.outboxMessage.update({ where: { id }, data: { status: 'pending', notBefore, leaseUntil: null, lastError: error.slice(0, MAX_ERROR_LENGTH) } });
    },

    async markFailed(id, error) {
      await prisma.outboxMessage.update({ where: { id }, data: { status: 'failed', leaseUntil: null, lastError: error.slice(0, MAX_ERROR_LENGTH) } });
    },

    async listFailed(limit): Promise<FailedMessage[]> {
      return (await prisma.outboxMessage.findMany({ where: { status: 'failed' }, orderBy: { id: 'desc' }, take: limit })).map(failedFromRow);
    },
  };
}


