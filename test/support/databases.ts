import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A throwaway database for one test file. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server for tests; without it the PostgreSQL runs are skipped, loudly. */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL;

if (!POSTGRES_URL) {
  console.warn('\n*** PostgreSQL tests SKIPPED: set TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run them. ***\n');
}

/** The providers a suite runs against: SQLite always, PostgreSQL when configured. */
export const PROVIDERS = [
  { name: 'sqlite', skip: false },
  { name: 'postgresql', skip: !POSTGRES_URL },
] as const;

/** A fresh SQLite file in a temporary folder. */
export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  return { url: `file:${join(dir, 'crm.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh schema on the test PostgreSQL server. */
export function postgresDatabase(): TestDatabase {
  if (!POSTGRES_URL) throw new Error('TEST_POSTGRES_URL is not set');
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** A fresh database of the given provider. */
export function testDatabase(provider: 'sqlite' | 'postgresql'): TestDatabase {
  return provider === 'sqlite' ? sqliteDatabase() : postgresDatabase();
}
