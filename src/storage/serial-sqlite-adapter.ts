import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

/**
 * The better-sqlite3 adapter has one connection, and only transactions take its lock: a query sent
 * outside a transaction while one is open runs inside it and is rolled back with it. This wrapper
 * makes every top-level query wait for the open transaction, so no write is ever lost that way.
 */
export function serialSqliteAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  let tail: Promise<void> = Promise.resolve();
  const acquire = async (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const previous = tail;
    tail = previous.then(() => held);
    await previous;
    return release;
  };
  const serial = async <T>(work: () => Promise<T>): Promise<T> => {
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
        return (arg: never) => serial(() => (target[property] as (a: never) => Promise<unknown>).call(target, arg));
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
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => wrap(await target.connect());
      return Reflect.get(target, property, receiver);
    },
  });
}
