import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { INLINE_CHECKPOINT_PAGES, startCheckpointer } from '../../src/storage/sqlite-checkpointer.ts';

describe('the background WAL checkpointer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies committed pages into the database file while commits leave checkpoints to it', async () => {
    const path = join(dir, 'crm.db');
    const db = await openDatabase(`file:${path}`);
    try {
      const connection = db.sqlite!.connection;
      expect(Number(connection.pragma('wal_autocheckpoint', { simple: true }))).toBe(INLINE_CHECKPOINT_PAGES);
      const before = statSync(path).size;
      // About 70 pages of customers: far below the inline threshold, so only the worker can move them.
      for (let i = 0; i < 40; i += 1) {
        await db.prisma.customer.createMany({ data: Array.from({ length: 20 }, (_, k) => ({ name: `Customer ${i}-${k} ${'x'.repeat(200)}`, nameKey: `c${i}-${k}` })) });
      }
      await expect.poll(() => statSync(path).size, { timeout: 5_000, interval: 50 }).toBeGreaterThan(before + 50 * 4096);
    } finally {
      await db.close();
    }
    const reopened = new BetterSqlite3(path, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM "Customer"').pluck().get()).toBe(800);
    reopened.close();
  });

  it('reports a worker that cannot open the file, so the caller can checkpoint inline again', async () => {
    const failure = new Promise<unknown>((resolve) => {
      const checkpointer = startCheckpointer(join(dir, 'missing.db'), (error) => {
        resolve(error);
        void checkpointer.stop();
      });
    });
    expect(await failure).toMatchObject({ code: 'SQLITE_CANTOPEN' });
  });
});
