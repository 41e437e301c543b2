import { decodeJson, encodeJson } from '../core/json.ts';
import type { ClaimedMessage, FailedMessage, OutboxStore, OutgoingKind, OutgoingMessage } from '../core/outbox.ts';
import type { Reply } from '../core/reply.ts';
import type { Database, Prisma } from './database.ts';

type Queryable = Pick<Prisma, '$executeRawUnsafe'>;

/** Longest error text kept with a message (errors never carry tokens or message text). */
const MAX_ERROR_LENGTH = 500;

/** The outbox table's name as raw SQL must write it (qualified by schema on PostgreSQL). */
export function outboxTable(db: Pick<Database, 'schema'>): string {
  return db.schema ? `"${db.schema}"."OutboxMessage"` : '"OutboxMessage"';
}

/** Inserts a message unless its idempotency key exists; works inside or outside a transaction. */
export async function insertOutgoing(client: Queryable, table: string, m: OutgoingMessage, now: Date): Promise<boolean> {
  const inserted = await client.$executeRawUnsafe(
    `INSERT INTO ${table} ("idempotencyKey", "platform", "chatId", "threadId", "kind", "payload", "status", "attempts", "notBefore", "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $8) ON CONFLICT ("idempotencyKey") DO NOTHING`,
    m.key, m.platform, m.chatId, m.threadId ?? null, m.kind, encodeJson(m.reply), m.notBefore, now,
  );
  return inserted > 0;
}

/** The outbox on the product's database: claims are one UPDATE, so concurrent instances never share a message. */
export function createPrismaOutbox(db: Pick<Database, 'prisma' | 'schema' | 'provider'>, now: () => Date = () => new Date()): OutboxStore {
  const prisma = db.prisma;
  const table = outboxTable(db);
  // PostgreSQL skips rows another instance is claiming; SQLite has a single writer anyway.
  const lock = db.provider === 'postgresql' ? 'FOR UPDATE SKIP LOCKED' : '';
  return {
    enqueue: (m) => insertOutgoing(prisma, table, m, now()),

    async claimDue(at, limit, leaseMs) {
      const leaseUntil = new Date(at.getTime() + leaseMs);
      const ids = await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
        `UPDATE ${table} SET "status" = 'sending', "leaseUntil" = $1, "attempts" = "attempts" + 1
         WHERE "id" IN (SELECT "id" FROM ${table}
           WHERE ("status" = 'pending' AND "notBefore" <= $2) OR ("status" = 'sending' AND "leaseUntil" < $2)
           ORDER BY "notBefore", "id" LIMIT $3 ${lock})
         RETURNING "id"`,
        leaseUntil, at, limit,
      );
      if (ids.length === 0) return [];
      const rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids.map((r) => Number(r.id)) } }, orderBy: [{ notBefore: 'asc' }, { id: 'asc' }] });
      return rows.map((r): ClaimedMessage => ({
        id: r.id, key: r.idempotencyKey, platform: r.platform, chatId: r.chatId, ...(r.threadId ? { threadId: r.threadId } : {}),
        kind: r.kind as OutgoingKind, reply: decodeJson<Reply>(r.payload), notBefore: r.notBefore, attempts: r.attempts,
      }));
    },

    async markSent(id, at) {
      await prisma.outboxMessage.update({ where: { id }, data: { status: 'sent', sentAt: at, leaseUntil: null, lastError: null } });
    },

    async reschedule(id, notBefore, error) {
      await prisma.outboxMessage.update({ where: { id }, data: { status: 'pending', notBefore, leaseUntil: null, lastError: error.slice(0, MAX_ERROR_LENGTH) } });
    },

    async markFailed(id, error) {
      await prisma.outboxMessage.update({ where: { id }, data: { status: 'failed', leaseUntil: null, lastError: error.slice(0, MAX_ERROR_LENGTH) } });
    },

    async listFailed(limit): Promise<FailedMessage[]> {
      const rows = await prisma.outboxMessage.findMany({ where: { status: 'failed' }, orderBy: { id: 'desc' }, take: limit });
      return rows.map((r) => ({ id: r.id, platform: r.platform, kind: r.kind as OutgoingKind, lastError: r.lastError, createdAt: r.createdAt }));
    },
  };
}
