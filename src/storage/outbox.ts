import type { OutboxStore } from '../core/outbox.ts';
import type { Database } from './database.ts';
import { createPrismaOutbox } from './prisma-outbox.ts';
import { createSqliteOutbox } from './sqlite-outbox.ts';

/** The outbox for a database: on SQLite it shares the engine's group commits. */
export function createOutbox(db: Pick<Database, 'prisma' | 'schema' | 'provider' | 'sqlite'>, now: () => Date = () => new Date()): OutboxStore {
  return db.sqlite ? createSqliteOutbox(db.sqlite, now) : createPrismaOutbox(db, now);
}
