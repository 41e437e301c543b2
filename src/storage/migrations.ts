import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

/** The providers the product runs on. */
export type Provider = 'sqlite' | 'postgresql';

/** One migration folder in Prisma's layout. */
export interface MigrationFile {
  name: string;
  sql: string;
  /** SHA-256 hex of migration.sql, as Prisma Migrate records it. */
  checksum: string;
}

/** What applying migrations did. */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
  /** Applied migrations whose file changed since (Prisma would refuse them). */
  modified: string[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FOLDERS: Record<Provider, string> = {
  sqlite: join(ROOT, 'prisma', 'migrations'),
  postgresql: join(ROOT, 'prisma', 'postgres', 'migrations'),
};
/** The lock id Prisma Migrate itself takes on PostgreSQL, so both never run at once. */
const PG_ADVISORY_LOCK_ID = 72707369;

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** Reads the provider's migrations in order. */
export function readMigrations(provider: Provider): MigrationFile[] {
  const folder = FOLDERS[provider];
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(folder, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

function plan(files: MigrationFile[], recorded: { migration_name: string; checksum: string }[]) {
  const done = new Map(recorded.map((r) => [r.migration_name, r.checksum]));
  return {
    pending: files.filter((f) => !done.has(f.name)),
    modified: files.filter((f) => done.has(f.name) && done.get(f.name) !== f.checksum).map((f) => f.name),
    alreadyApplied: files.filter((f) => done.has(f.name)).length,
  };
}

/** Applies pending migrations to a SQLite database, one transaction each. */
export function migrateSqlite(db: BetterSqlite3.Database): MigrationReport {
  db.exec(SQLITE_TABLE);
  const recorded = db
    .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
    .all() as { migration_name: string; checksum: string }[];
  const { pending, modified, alreadyApplied } = plan(readMigrations('sqlite'), recorded);
  const record = db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`);
  for (const m of pending) {
    db.transaction(() => {
      const started = Date.now();
      db.exec(m.sql);
      record.run(randomUUID(), m.checksum, Date.now(), m.name, started);
    })();
  }
  return { applied: pending.map((m) => m.name), alreadyApplied, modified };
}

/** Applies pending migrations to PostgreSQL under Prisma's advisory lock, one transaction each. */
export async function migratePostgres(client: pg.Client, schema: string): Promise<MigrationReport> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
  await client.query('SELECT pg_advisory_lock($1)', [PG_ADVISORY_LOCK_ID]);
  try {
    await client.query(PG_TABLE);
    const recorded = (await client.query(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )).rows as { migration_name: string; checksum: string }[];
    const { pending, modified, alreadyApplied } = plan(readMigrations('postgresql'), recorded);
    for (const m of pending) {
      await client.query('BEGIN');
      try {
        const started = new Date();
        // The generated SQL creates "public"; the tables land in the search_path's schema.
        await client.query(m.sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ''));
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { applied: pending.map((m) => m.name), alreadyApplied, modified };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PG_ADVISORY_LOCK_ID]);
  }
}
