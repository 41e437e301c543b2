import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

/** Prisma's better-sqlite3 adapter wrapped so that its one connection is used by one thing at a time. */
export interface SerialSqlite {
  factory: SqlDriverAdapterFactory;
  /** Runs `work` while no Prisma query or transaction can use the connection. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** The connection the adapter opened; available once the Prisma client has connected. */
  connection(): BetterSqlite3.Database;
}

/**
 * The better-sqlite3 adapter has one connection, and only transactions take its lock: a query sent
 * outside a transaction while one is open runs inside it and is rolled back with it. This wrapper
 * makes every top-level query wait for the open transaction, so no write is ever lost that way, and
 * lets the engine's store run its own transactions on the same connection under the same lock.
 */
export function serialSqliteAdapter(factory: SqlDriverAdapterFactory): SerialSqlite {
  let tail: Promise<void> = Promise.resolve();
  let opened: BetterSqlite3.Database | undefined;
  const acquire = async (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const previous = tail;
    tail = previous.then(() => held);
    await previous;
    return release;
  };
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === 'queryRaw' || property === 'executeRaw' || property === 'executeScript') {
        return (arg: never) => exclusive(() => (target[property] as (a: never) => Promise<unknown>).call(target, arg));
      }
      if (property === 'startTransaction') {
        return async (isolationLevel?: never): Promise<Transaction> => {
          const release = await acquire();
          try {
            const tx = await target.startTransaction(isolationLevel);
            const end = (method: 'commit' | 'rollback') => async () => {
              try {
                await tx[method]();
              } finally {
                release();
              }
            };
            return new Proxy(tx, { get: (t, p, r) => (p === 'commit' || p === 'rollback' ? end(p) : Reflect.get(t, p, r)) });
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  const wrapped = new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') {
        return async () => {
          const adapter = await target.connect();
          // The adapter keeps its better-sqlite3 handle in `client`; the store needs that very connection.
          const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
          if (typeof client?.prepare !== 'function') throw new Error('the Prisma better-sqlite3 adapter no longer exposes its connection');
          opened = client;
          return wrap(adapter);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return {
    factory: wrapped,
    exclusive,
    connection: () => {
      if (!opened) throw new Error('the SQLite connection is not open yet');
      return opened;
    },
  };
}
