import { MAX_ERROR_LENGTH, type OutboxStore } from '../core/outbox.ts';
import { claimedFromRow, failedFromRow, type OutboxRow } from './prisma-outbox.ts';
import { insertOutgoingRow } from './sqlite-store.ts';
import type { SqliteWriter } from './sqlite-writer.ts';

/**
 * The outbox on SQLite: its claims and marks join the writer's group commits, so a sweep shares
 * the fsync of the commands that queued the replies instead of adding two of its own.
 */
export function createSqliteOutbox(writer: SqliteWriter, now: () => Date = () => new Date()): OutboxStore {
  return {
    enqueue: (m) => writer.write((sql) => insertOutgoingRow(sql, m, now()) !== null),

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
      .map(claimedFromRow)),

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
    ).map(failedFromRow)),
  };
}
