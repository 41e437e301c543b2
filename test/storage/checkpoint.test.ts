import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, WAL_CHECKPOINT_PAGES } from '../../src/storage/database.ts';

describe('WAL checkpoints on SQLite', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies committed pages into the database file once the WAL passes the threshold, and restarts the WAL', async () => {
    const path = join(dir, 'crm.db');
    const db = await openDatabase(`file:${path}`);
    try {
      const connection = db.sqlite!.connection;
      expect(Number(connection.pragma('wal_autocheckpoint', { simple: true }))).toBe(WAL_CHECKPOINT_PAGES);
      const before = statSync(path).size;
      // About 110 pages per round, 4,400 in all: the WAL passes the threshold twice.
      for (let i = 0; i < 40; i += 1) {
        await db.prisma.customer.createMany({ data: Array.from({ length: 200 }, (_, k) => ({ name: `Customer ${i}-${k} ${'x'.repeat(2_000)}`, nameKey: `c${i}-${k}` })) });
      }
      expect(statSync(path).size).toBeGreaterThan(before + 1_000 * 4096);
      // Restarted, the WAL is rewritten from its start rather than growing with every commit.
      expect(statSync(`${path}-wal`).size).toBeLessThan((WAL_CHECKPOINT_PAGES + 400) * 4120);
    } finally {
      await db.close();
    }
    const reopened = new BetterSqlite3(path, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM "Customer"').pluck().get()).toBe(8000);
    reopened.close();
  });
});
