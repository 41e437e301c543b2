import type BetterSqlite3 from 'better-sqlite3';
import { SqliteStatements } from './sqlite-statements.ts';

/** Every write to the SQLite database by the engine and the outbox goes through here. */
export interface SqliteWriter {
  connection: BetterSqlite3.Database;
  /**
   * Runs `work` in its own savepoint, so it is stored whole or not at all. The work waiting at that
   * moment shares one COMMIT (group commit); the promise settles only after that COMMIT's fsync.
   */
  write<T>(work: (sql: SqliteStatements) => Promise<T> | T, options?: { lazy?: boolean }): Promise<T>;
  /** Commits everything queued, lazy work included (before the database closes). */
  flush(): Promise<void>;
}

interface Job {
  work: (sql: SqliteStatements) => Promise<unknown> | unknown;
  /** Rides along with the next commit rather than causing one (within LAZY_COMMIT_MS). */
  lazy: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Most jobs one commit carries; bounds how long a group holds the connection. */
const MAX_GROUP = 256;
/** Longest lazy work waits for other work to commit with, in ms (by default). */
const LAZY_COMMIT_MS = 50;

/**
 * The group-commit writer on Prisma's own connection. `exclusive` is the lock Prisma's queries
 * wait for, so nothing else runs inside a group's transaction.
 */
export function createSqliteWriter(
  connection: BetterSqlite3.Database,
  exclusive: <T>(work: () => Promise<T>) => Promise<T>,
  options: { lazyCommitMs?: number } = {},
): SqliteWriter {
  const lazyCommitMs = options.lazyCommitMs ?? LAZY_COMMIT_MS;
  const sql = new SqliteStatements(connection);
  const queue: Job[] = [];
  let draining = false;
  let lazyTimer: NodeJS.Timeout | undefined;

  // A job alone in its group needs no savepoint: if it fails, the whole transaction is rolled back.
  async function runAlone(job: Job): Promise<Outcome> {
    try {
      return { ok: true, value: await job.work(sql) };
    } catch (error) {
      return { ok: false, error };
    }
  }

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
      if (group.length === 1) {
        const outcome = await runAlone(group[0]!);
        outcomes.push(outcome);
        if (!outcome.ok) {
          if (connection.inTransaction) sql.run('ROLLBACK');
          group[0]!.reject(outcome.error);
          return;
        }
      } else {
        for (const job of group) {
          outcomes.push(await runJob(job));
          if (!connection.inTransaction) throw new Error('the database rolled the transaction back');
        }
      }
      if (!connection.inTransaction) throw new Error('the database rolled the transaction back');
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
      // Lazy work left on its own waits for company (or its timer) instead of costing an fsync.
      while (queue.some((job) => !job.lazy)) await exclusive(() => commitGroup(queue.splice(0, MAX_GROUP)));
    } finally {
      draining = false;
      if (queue.length > 0) startLazyTimer();
    }
  }

  function startDrain(): void {
    clearTimeout(lazyTimer);
    lazyTimer = undefined;
    draining = true;
    // Starting on the next turn of the event loop lets all the work that one batch of events
    // started (a getUpdates response, a burst of webhooks) join the same commit.
    setImmediate(() => void drain());
  }

  function startLazyTimer(): void {
    lazyTimer ??= setTimeout(() => {
      lazyTimer = undefined;
      if (draining || queue.length === 0) return;
      draining = true;
      void exclusive(() => commitGroup(queue.splice(0, MAX_GROUP))).finally(() => {
        draining = false;
        if (queue.length > 0) (queue.some((job) => !job.lazy) ? startDrain : startLazyTimer)();
      });
    }, lazyCommitMs);
  }

  const write = <T>(work: (sql: SqliteStatements) => Promise<T> | T, options: { lazy?: boolean } = {}): Promise<T> => new Promise<T>((resolve, reject) => {
    const lazy = options.lazy ?? false;
    queue.push({ work, lazy, resolve: resolve as (value: unknown) => void, reject });
    if (draining) return;
    if (lazy) startLazyTimer();
    else startDrain();
  });

  return {
    connection,
    write,
    // Work that is not lazy drains everything queued before it.
    flush: async () => {
      if (queue.length > 0 || draining) await write(() => undefined);
    },
  };
}
