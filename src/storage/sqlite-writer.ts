import type BetterSqlite3 from 'better-sqlite3';
import { SqliteStatements } from './sqlite-statements.ts';

/** Every write to the SQLite database by the engine and the outbox goes through here. */
export interface SqliteWriter {
  connection: BetterSqlite3.Database;
  /**
   * Runs `work` in its own savepoint, so it is stored whole or not at all. The work waiting at that
   * moment shares one COMMIT (group commit); the promise settles only after that COMMIT's fsync.
   */
  write<T>(work: (sql: SqliteStatements) => Promise<T> | T): Promise<T>;
}

interface Job {
  work: (sql: SqliteStatements) => Promise<unknown> | unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Most jobs one commit carries; bounds how long a group holds the connection. */
const MAX_GROUP = 256;

/**
 * The group-commit writer on Prisma's own connection. `exclusive` is the lock Prisma's queries
 * wait for, so nothing else runs inside a group's transaction.
 */
export function createSqliteWriter(connection: BetterSqlite3.Database, exclusive: <T>(work: () => Promise<T>) => Promise<T>): SqliteWriter {
  const sql = new SqliteStatements(connection);
  const queue: Job[] = [];
  let draining = false;

  async function runJob(job: Job): Promise<Outcome> {
    sql.run('SAVEPOINT job');
    try {
      const value = await job.work(sql);
      sql.run('RELEASE job');
      return { ok: true, value };
    } catch (error) {
      // SQLite itself rolls the whole transaction back on some errors (a full disk, for one).
      if (connection.inTransaction) {
        sql.run('ROLLBACK TO job');
        sql.run('RELEASE job');
      }
      return { ok: false, error };
    }
  }

  async function commitGroup(group: Job[]): Promise<void> {
    const outcomes: Outcome[] = [];
    try {
      // IMMEDIATE takes the write lock up front: another process cannot make the group fail half-way.
      sql.run('BEGIN IMMEDIATE');
      for (const job of group) {
        outcomes.push(await runJob(job));
        if (!connection.inTransaction) throw new Error('the database rolled the transaction back');
      }
      sql.run('COMMIT');
    } catch (error) {
      if (connection.inTransaction) sql.run('ROLLBACK');
      for (const job of group) job.reject(error);
      return;
    }
    group.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) await exclusive(() => commitGroup(queue.splice(0, MAX_GROUP)));
    } finally {
      draining = false;
    }
  }

  return {
    connection,
    write<T>(work: (sql: SqliteStatements) => Promise<T> | T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        // Starting on the next turn of the event loop lets all the work that one batch of events
        // started (a getUpdates response, a burst of webhooks) join the same commit.
        if (!draining) {
          draining = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
