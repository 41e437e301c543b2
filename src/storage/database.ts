import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgres/client.ts';
import { migratePostgres, migrateSqlite, type MigrationReport, type Provider } from './migrations.ts';
import { serialSqliteAdapter } from './serial-sqlite-adapter.ts';
import { createSqliteWriter, type SqliteWriter } from './sqlite-writer.ts';

/** The Prisma client type the storage code is written against (both providers share its API). */
export type Prisma = SqliteClient;

/** Where the data lives, parsed from DATABASE_URL. */
export type DatabaseTarget =
  | { provider: 'sqlite'; path: string }
  | { provider: 'postgresql'; connectionString: string; schema: string };

/** An open database with its Prisma client. */
export interface Database {
  provider: Provider;
  prisma: Prisma;
  /** The PostgreSQL schema raw SQL must qualify tables with; undefined on SQLite. */
  schema?: string;
  /** What start-up migration did. */
  migration: MigrationReport;
  /** SQLite only: the group-commit writer on Prisma's connection, for the engine's store and the outbox. */
  sqlite?: SqliteWriter;
  close(): Promise<void>;
}

/** The default database: an SQLite file created on first start. */
export const DEFAULT_DATABASE_URL = 'file:./data/crm.db';
/** How long a writer waits for SQLite's lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
/**
 * WAL pages after which a commit copies the WAL into the database file (SQLite's default is 1,000).
 * Checkpointing inline, in the writer, lets the next commit rewrite the WAL from its start; a
 * checkpointer thread beside a busy writer never caught up, so the WAL only grew and every commit's
 * fsync cost about 50 µs more (bench:engine: 36-43% of the bare driver's rate instead of 41-46%).
 * At 2,000 pages a command pays for a checkpoint (a few ms) about once in 250, below the p99.
 */
export const WAL_CHECKPOINT_PAGES = 2_000;

/** Thrown when DATABASE_URL cannot be used; the message says how to fix it. */
export class DatabaseConfigError extends Error {}

/** Parses DATABASE_URL: `file:<path>` for SQLite, `postgresql://…[?schema=name]` for PostgreSQL. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length);
    if (!path) throw new DatabaseConfigError('DATABASE_URL "file:" needs a path, e.g. file:./data/crm.db');
    return { provider: 'sqlite', path: resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseConfigError('DATABASE_URL is not a valid postgresql:// URL');
    }
    const schema = parsed.searchParams.get('schema') ?? 'public';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new DatabaseConfigError(`DATABASE_URL schema "${schema}" is not a plain identifier`);
    parsed.searchParams.delete('schema');
    return { provider: 'postgresql', connectionString: parsed.toString(), schema };
  }
  throw new DatabaseConfigError('DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)');
}

/** Shows a database URL without its password, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Opens the database, applying pending migrations first (as `crm migrate` does). */
export async function openDatabase(url: string): Promise<Database> {
  const target = parseDatabaseUrl(url);
  return target.provider === 'sqlite' ? openSqlite(target.path) : openPostgres(target.connectionString, target.schema);
}

async function openSqlite(path: string): Promise<Database> {
  mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  let migration: MigrationReport;
  try {
    // WAL persists in the file; readers never block the writer.
    raw.pragma('journal_mode = WAL');
    migration = migrateSqlite(raw);
  } finally {
    raw.close();
  }
  const serial = serialSqliteAdapter(new PrismaBetterSqlite3({ url: `file:${path}`, timeout: SQLITE_BUSY_TIMEOUT_MS }));
  const prisma = new SqliteClient({ adapter: serial.factory });
  // synchronous is per connection: FULL makes each commit durable across a power cut.
  await prisma.$executeRawUnsafe('PRAGMA synchronous = FULL');
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // Each command runs in a savepoint; its undo pages stay in memory instead of a temporary file.
  await prisma.$executeRawUnsafe('PRAGMA temp_store = MEMORY');
  await prisma.$executeRawUnsafe(`PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  const writer = createSqliteWriter(serial.connection(), serial.exclusive);
  return {
    provider: 'sqlite', prisma, migration, sqlite: writer,
    close: async () => {
      await writer.flush();
      await prisma.$disconnect();
    },
  };
}

async function openPostgres(connectionString: string, schema: string): Promise<Database> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  let migration: MigrationReport;
  try {
    migration = await migratePostgres(client, schema);
  } finally {
    await client.end();
  }
  const prisma = new PostgresClient({ adapter: new PrismaPg({ connectionString }, { schema }) }) as unknown as Prisma;
  return { provider: 'postgresql', prisma, schema, migration, close: () => prisma.$disconnect() };
}
