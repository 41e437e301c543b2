import { decodeJson, encodeJson } from '../core/json.ts';
import { MAX_ERROR_LENGTH, type ClaimedMessage, type FailedMessage, type OutboxStore, type OutgoingKind } from '../core/outbox.ts';
import type { Reply } from '../core/reply.ts';
import type { SqliteWriter } from './sqlite-writer.ts';

interface OutboxRow {
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

/**
 * The outbox on SQLite: its claims and marks join the writer's group commits, so a sweep shares
 * the fsync of the commands that queued the replies instead of adding two of its own.
 */
export function createSqliteOutbox(writer: SqliteWriter, now: () => Date = () => new Date()): OutboxStore {
  return {
    enqueue: (m) => writer.write((sql) => sql.run(
      `INSERT INTO "OutboxMessage" ("idempotencyKey", "platform", "chatId", "threadId", "kind", "payload", "status", "attempts", "notBefore", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT ("idempotencyKey") DO NOTHING`,
      m.key, m.platform, m.chatId, m.threadId ?? null, m.kind, encodeJson(m.reply), m.notBefore, now(),
    ) > 0),

    claimDue: (at, limit, leaseMs) => writer.write((sql) => sql.all<OutboxRow>(
      `UPDATE "OutboxMessage" SET "status" = 'sending', "leaseUntil" = @leaseUntil, "attempts" = "attempts" + 1
       WHERE "id" IN (SELECT "id" FROM "OutboxMessage"
         WHERE ("status" = 'pending' AND "notBefore" <= @at) OR ("status" = 'sending' AND "leaseUntil" < @at)
         ORDER BY "notBefore", "id" LIMIT @limit)
       RETURNING *`,
      { leaseUntil: new Date(at.getTime() + leaseMs), at, limit },
    )
      // RETURNING gives rows in no particular order.
      .sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || a.id - b.id)
      .map((r): ClaimedMessage => ({
        id: r.id, key: r.idempotencyKey, platform: r.platform, chatId: r.chatId, ...(r.threadId ? { threadId: r.threadId } : {}),
        kind: r.kind as OutgoingKind, reply: decodeJson<Reply>(r.payload), notBefore: r.notBefore, attempts: r.attempts,
      }))),

    async markSent(ids, at, options = {}) {
      if (ids.length === 0) return;
      await writer.write((sql) => sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = ?, "leaseUntil" = NULL, "lastError" = NULL WHERE "id" IN (SELECT value FROM json_each(?))`,
        at, JSON.stringify(ids),
      ), { lazy: options.soon });
    },

    async reschedule(id, notBefore, error) {
      await writer.write((sql) => sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'pending', "notBefore" = ?, "leaseUntil" = NULL, "lastError" = ? WHERE "id" = ?`,
        notBefore, error.slice(0, MAX_ERROR_LENGTH), id,
      ));
    },

    async markFailed(id, error) {
      await writer.write((sql) => sql.run(
        `UPDATE "OutboxMessage" SET "status" = 'failed', "leaseUntil" = NULL, "lastError" = ? WHERE "id" = ?`,
        error.slice(0, MAX_ERROR_LENGTH), id,
      ));
    },

    listFailed: (limit) => writer.write((sql) => sql.all<OutboxRow>(
      `SELECT * FROM "OutboxMessage" WHERE "status" = 'failed' ORDER BY "id" DESC LIMIT ?`, limit,
    ).map((r): FailedMessage => ({ id: r.id, platform: r.platform, kind: r.kind as OutgoingKind, lastError: r.lastError, createdAt: r.createdAt }))),
  };
}
