import { createRequire } from 'node:module';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** How often the worker copies committed WAL pages into the database file. */
const CHECKPOINT_EVERY_MS = 100;
/**
 * The WAL size (pages) at which a commit checkpoints inline after all: only reached if the worker
 * falls far behind or is gone. SQLite's default is 1,000.
 */
export const INLINE_CHECKPOINT_PAGES = 10_000;
/** SQLite's own threshold, restored when the worker stops unexpectedly. */
export const DEFAULT_CHECKPOINT_PAGES = 1_000;

const betterSqlite3Path = createRequire(import.meta.url).resolve('better-sqlite3');

// Plain JavaScript, so the worker needs no TypeScript loader. A PASSIVE checkpoint never waits for
// the writer and never blocks it: commits keep appending to the WAL while pages are copied.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true, timeout: 5000 });
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** A background WAL checkpointer for one SQLite file. */
export interface Checkpointer {
  /** Stops the worker and closes its connection; call before closing the main connection. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL of `path` from a worker thread. Inline, every thousandth page made one commit
 * copy a whole WAL into the database and fsync it: a 3-4 ms stall of the event loop every hundred
 * commands. `onFailure` runs if the worker dies, so the caller can restore inline checkpoints.
 */
export function startCheckpointer(path: string, onFailure: (error: unknown) => void): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver: betterSqlite3Path, everyMs: CHECKPOINT_EVERY_MS } });
  worker.unref();
  let stopping = false;
  worker.on('error', (error) => {
    if (!stopping) onFailure(error);
  });
  const exited = once(worker, 'exit').catch(() => undefined);
  return {
    async stop() {
      stopping = true;
      // Unreferenced, the worker would not keep the process alive long enough to close its connection.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
