import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, parseDatabaseUrl, type Database } from '../../src/storage/database.ts';
import { readMigrations } from '../../src/storage/migrations.ts';
import { PROVIDERS, testDatabase, type TestDatabase } from '../support/databases.ts';
import { readSchemaModels } from '../support/prisma-schema.ts';

interface Column { name: string; type: string; nullable: boolean }
interface Index { columns: string[]; unique: boolean }

const SQLITE_TYPES: Record<string, string> = { String: 'TEXT', Int: 'INTEGER', Float: 'REAL', Boolean: 'BOOLEAN', DateTime: 'DATETIME' };
const PG_TYPES: Record<string, string> = { String: 'text', Int: 'integer', Float: 'double precision', Boolean: 'boolean', DateTime: 'timestamp without time zone' };

async function introspect(provider: string, url: string, table: string): Promise<{ columns: Column[]; indexes: Index[] }> {
  const target = parseDatabaseUrl(url);
  if (target.provider === 'sqlite') {
    const db = new BetterSqlite3(target.path, { readonly: true });
    try {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; pk: number }[])
        .map((c) => ({ name: c.name, type: c.type, nullable: c.notnull === 0 && c.pk === 0 }));
      const indexes = (db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number }[]).map((i) => ({
        unique: i.unique === 1,
        columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name),
      }));
      return { columns, indexes };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    const columns = (await client.query(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`, [target.schema, table],
    )).rows.map((r) => ({ name: r.column_name as string, type: r.data_type as string, nullable: r.is_nullable === 'YES' }));
    const indexes = (await client.query(
      `SELECT ix.indisunique AS unique, array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = $1 AND t.relname = $2 GROUP BY ix.indexrelid, ix.indisunique`, [target.schema, table],
    )).rows.map((r) => ({ unique: r.unique as boolean, columns: r.columns as string[] }));
    return { columns, indexes };
  } finally {
    await client.end();
  }
}

async function migrationRows(url: string): Promise<{ checksum: string; finished_at: unknown }[]> {
  const target = parseDatabaseUrl(url);
  const sql = 'SELECT checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name';
  if (target.provider === 'sqlite') {
    const db = new BetterSqlite3(target.path, { readonly: true });
    try {
      return db.prepare(sql).all() as { checksum: string; finished_at: unknown }[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${target.schema}"`);
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.each(PROVIDERS)('schema drift: $name', ({ name, skip }) => {
  let target: TestDatabase;
  let db: Database;
  const provider = name as 'sqlite' | 'postgresql';

  beforeAll(async () => {
    if (skip) return;
    target = testDatabase(provider);
    db = await openDatabase(target.url);
  });
  afterAll(async () => {
    if (skip) return;
    await db.close();
    await target.drop();
  });

  it.skipIf(skip)('applies every migration once and records it as Prisma Migrate does', async () => {
    expect(db.migration.applied).toEqual(readMigrations(provider).map((m) => m.name));
    const again = await openDatabase(target.url);
    expect(again.migration.applied).toEqual([]);
    expect(again.migration.alreadyApplied).toBe(readMigrations(provider).length);
    const rows = await migrationRows(target.url);
    expect(rows.map((r) => r.checksum)).toEqual(readMigrations(provider).map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    await again.close();
  });

  for (const model of readSchemaModels()) {
    it.skipIf(skip)(`table ${model.name} matches the Prisma model`, async () => {
      const { columns, indexes } = await introspect(provider, target.url, model.name);
      expect(columns.length, `table ${model.name} exists`).toBeGreaterThan(0);
      for (const field of model.fields) {
        const column = columns.find((c) => c.name === field.name);
        expect(column, `${model.name}.${field.name} exists`).toBeDefined();
        expect(column!.type).toBe((provider === 'sqlite' ? SQLITE_TYPES : PG_TYPES)[field.type]);
        expect(column!.nullable, `${model.name}.${field.name} nullability`).toBe(field.optional);
      }
      const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
      for (const cols of model.uniques) expect(indexes.some((i) => i.unique && same(i.columns, cols)), `unique ${model.name}(${cols})`).toBe(true);
      for (const cols of model.indexes) expect(indexes.some((i) => same(i.columns, cols)), `index ${model.name}(${cols})`).toBe(true);
    });
  }

  it.skipIf(skip)('round-trips a row through the generated client in every model', async () => {
    const p = db.prisma;
    const now = new Date('2026-11-24T10:00:00.000Z');
    const ws = await p.workspace.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    const op = await p.operator.create({ data: { name: 'Founder' } });
    const cu = await p.customer.create({ data: { name: 'Acme', nameKey: 'acme' } });
    const tag = await p.customerTag.create({ data: { customerId: cu.id, tag: 'vip' } });
    const co = await p.contact.create({ data: { customerId: cu.id, name: 'Jane', nameKey: 'jane' } });
    const id = await p.chatIdentity.create({ data: { platform: 'slack', platformUserId: 'U1', contactId: co.id } });
    const it1 = await p.interaction.create({ data: { customerId: cu.id, contactId: co.id, operatorId: op.id, kind: 'call', occurredAt: now, text: 'hi', sentiment: 0.5 } });
    const fu = await p.followUp.create({ data: { title: 'call back', dueAt: now, customerId: cu.id, interactionId: it1.id } });
    const pu = await p.purchase.create({ data: { customerId: cu.id, amountMinor: 120000, currency: 'USD', occurredAt: now } });
    const de = await p.deal.create({ data: { customerId: cu.id, title: 'Deal', amountMinor: 500000, currency: 'EUR' } });
    const ti = await p.ticket.create({ data: { customerId: cu.id, subject: 'export broken', openedAt: now } });
    const su = await p.survey.create({ data: { customerId: cu.id, contactId: co.id, platform: 'slack', sentAt: now } });
    const re = await p.surveyResponse.create({ data: { surveyId: su.id, customerId: cu.id, contactId: co.id, score: 9, platform: 'slack', receivedAt: now } });
    const cm = await p.customerMessage.create({ data: { contactId: co.id, platform: 'slack', chatId: 'D1', text: 'hello', receivedAt: now } });
    const inv = await p.inviteCode.create({ data: { code: 'abc', contactId: co.id, expiresAt: now } });
    const ra = await p.riskAlert.create({ data: { customerId: cu.id, risk: 80, reasons: '[]', sentAt: now } });
    const cs = await p.changeSet.create({ data: { actor: 'console:operator', summary: 'x', entries: { create: [{ action: 'create', entity: 'Customer', entityId: cu.id, after: '{}' }] } } });
    const pe = await p.processedEvent.create({ data: { platform: 'slack', eventId: 'E1', receivedAt: now } });
    const ob = await p.outboxMessage.create({ data: { idempotencyKey: 'k1', platform: 'slack', chatId: 'D1', kind: 'reply', payload: '{}', notBefore: now } });
    const cv = await p.conversationState.create({ data: { platform: 'slack', chatId: 'D1', userId: 'U1', pending: null } });
    expect(ws.timeZone).toBeTruthy();
    expect((await p.interaction.findUniqueOrThrow({ where: { id: it1.id } })).occurredAt.toISOString()).toBe(now.toISOString());
    expect((await p.purchase.findUniqueOrThrow({ where: { id: pu.id } })).amountMinor).toBe(120000);
    expect((await p.surveyResponse.findUniqueOrThrow({ where: { id: re.id } })).score).toBe(9);
    for (const row of [tag, id, fu, de, ti, cm, inv, ra, cs, pe, ob, cv]) expect(row.id).toBeGreaterThan(0);
    await p.customer.delete({ where: { id: cu.id } });
    expect(await p.interaction.count()).toBe(0);
    expect(await p.contact.count()).toBe(0);
  });
});

describe('the PostgreSQL schema', () => {
  it('is the one derived from prisma/schema.prisma (npm install derives it; commit the result)', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { derivePostgresSchema } = (await import('../../scripts/derive-postgres-schema.mjs')) as { derivePostgresSchema(schema: string): string };
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const derived = derivePostgresSchema(readFileSync(join(root, 'prisma/schema.prisma'), 'utf8'));
    expect(readFileSync(join(root, 'prisma/postgres/schema.prisma'), 'utf8')).toBe(derived);
  });
});
