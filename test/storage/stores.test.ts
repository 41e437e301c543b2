import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStatements } from '../../src/storage/sqlite-statements.ts';
import { createSqliteStore } from '../../src/storage/sqlite-store.ts';
import { createSqliteWriter } from '../../src/storage/sqlite-writer.ts';
import { PROVIDERS } from '../support/databases.ts';
import { startHarness, T0, type Harness } from '../support/harness.ts';

describe.each(PROVIDERS)('the engine store on $name', ({ name, skip }) => {
  let h: Harness;
  beforeEach(async () => {
    if (!skip) h = await startHarness(name as 'sqlite' | 'postgresql');
  });
  afterEach(async () => {
    if (!skip) await h.close();
  });

  it.skipIf(skip)('erases a contact everywhere: record, notes, audit history and confirmations', async () => {
    await h.say('new customer Umbrella Corp, contact Alice Smith alice@umbrella.io');
    await h.say('log call with Alice Smith at Umbrella Corp: Alice Smith wants a discount');
    const p = h.core.db.prisma;
    const stored = async () => [
      ...(await p.interaction.findMany()).map((i) => i.text),
      ...(await p.changeSet.findMany()).map((c) => c.summary),
      ...(await p.auditEntry.findMany()).flatMap((e) => [e.before ?? '', e.after ?? '']),
    ].join('\n');
    expect(await stored()).toMatch(/Alice Smith wants a discount/);
    expect(await stored()).toMatch(/alice@umbrella\.io/);

    expect(await h.ask('forget Alice Smith')).toContain('Erase Alice Smith');
    expect((await h.press('Erase Alice Smith'))[0]!.text).toContain('Erased the personal data');
    const contact = await p.contact.findFirstOrThrow();
    expect(contact).toMatchObject({ name: 'Erased contact', email: null, phone: null });
    expect(contact.erasedAt?.toISOString()).toBe(T0.toISOString());
    expect(await stored()).not.toMatch(/Alice Smith|alice@umbrella\.io/i);
    expect(await p.interaction.count()).toBe(1);
  });

  it.skipIf(skip)('stores what Prisma reads and reads what Prisma stores (dates, numbers, flags)', async () => {
    await h.say('add customer Acme');
    await h.say('Acme paid $1,200.50 for the annual plan');
    const purchase = await h.core.db.prisma.purchase.findFirstOrThrow();
    expect(purchase).toMatchObject({ amountMinor: 120050, currency: 'USD', description: 'annual plan' });
    expect(purchase.occurredAt.toISOString()).toBe(T0.toISOString());

    await h.core.db.prisma.workspace.update({ where: { id: 1 }, data: { surveysPaused: true, businessName: 'Solo Ltd' } });
    await h.core.db.prisma.interaction.create({ data: { customerId: purchase.customerId, kind: 'meeting', occurredAt: new Date('2026-11-20T10:00:00Z'), text: 'demo', sentiment: 0.5 } });
    const facts = await h.core.store.transaction({ actor: 'test' }, async (tx) => ({
      value: { workspace: await tx.workspace(), facts: await tx.customerFacts(purchase.customerId, 5) },
    }));
    expect(facts.workspace).toMatchObject({ surveysPaused: true, businessName: 'Solo Ltd' });
    expect(facts.facts.recentInteractions[0]).toMatchObject({ kind: 'meeting', text: 'demo', sentiment: 0.5 });
    expect(facts.facts.recentInteractions[0]!.occurredAt).toEqual(new Date('2026-11-20T10:00:00Z'));
    expect(facts.facts.purchases[0]!.amountMinor).toBe(120050);
  });

  it.skipIf(skip)('rolls a failed command back whole: no record and no audit entry remain', async () => {
    const attempt = h.core.store.transaction({ actor: 'test' }, async (tx) => {
      await tx.create('Customer', { name: 'Half Written', nameKey: 'half written', kind: 'company', stage: 'lead' });
      throw new Error('boom');
    });
    await expect(attempt).rejects.toThrow('boom');
    expect(await h.core.db.prisma.customer.count()).toBe(0);
    expect(await h.core.db.prisma.changeSet.count()).toBe(0);
  });

  it.skipIf(skip)('runs commands that arrive together each whole: one failing leaves the others stored', async () => {
    const add = (name: string, fail = false) => h.core.store.transaction({ actor: 'test' }, async (tx) => {
      await tx.create('Customer', { name, nameKey: name.toLowerCase(), kind: 'company', stage: 'lead' });
      if (fail) throw new Error(`${name} failed`);
      return { value: name, summary: `Added ${name}` };
    });
    const outcomes = await Promise.allSettled([add('One'), add('Two', true), add('Three'), add('Four', true), add('Five')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    // On PostgreSQL concurrent transactions may take their ids in any order.
    expect((await h.core.db.prisma.customer.findMany()).map((c) => c.name).sort()).toEqual(['Five', 'One', 'Three']);
    expect((await h.core.db.prisma.changeSet.findMany()).map((c) => c.summary).sort()).toEqual(['Added Five', 'Added One', 'Added Three']);
    expect(await h.core.db.prisma.auditEntry.count()).toBe(3);
  });
});

describe('the SQLite store shares Prisma\'s connection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('sqlite');
  });
  afterEach(async () => {
    await h.close();
  });

  it('keeps a Prisma write made during a store transaction out of it, so a rollback cannot take it along', async () => {
    let outside: Promise<unknown> | undefined;
    const attempt = h.core.store.transaction({ actor: 'test' }, async (tx) => {
      await tx.create('Customer', { name: 'Inside', nameKey: 'inside', kind: 'company', stage: 'lead' });
      outside = h.core.db.prisma.customer.create({ data: { name: 'Outside', nameKey: 'outside' } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('boom');
    });
    await expect(attempt).rejects.toThrow('boom');
    await outside;
    expect((await h.core.db.prisma.customer.findMany()).map((c) => c.name)).toEqual(['Outside']);
  });

  it('reads the workspace settings as stored, whoever changed them last (the store keeps the row between messages)', async () => {
    const settings = () => h.core.store.transaction({ actor: 'test' }, async (tx) => ({ value: await tx.workspace() }));
    expect((await settings()).timeZone).toBe('America/New_York');
    expect(await h.ask('set my time zone to Europe/Berlin')).toContain('Europe/Berlin');
    expect((await settings()).timeZone).toBe('Europe/Berlin');

    // Another process's commit.
    const other = new BetterSqlite3(h.core.db.sqlite!.connection.name);
    other.prepare('UPDATE "Workspace" SET "businessName" = ? WHERE "id" = 1').run('Other Process Ltd');
    other.close();
    expect((await settings()).businessName).toBe('Other Process Ltd');

    // Prisma on the very same connection.
    await h.core.db.prisma.workspace.update({ where: { id: 1 }, data: { businessName: 'Prisma Ltd' } });
    expect((await settings()).businessName).toBe('Prisma Ltd');

    // A change read back inside a transaction that then fails is not kept, even when a later change follows.
    const failed = h.core.store.transaction({ actor: 'test' }, async (tx) => {
      await tx.update('Workspace', 1, { businessName: 'Rolled Back Ltd' });
      expect((await tx.workspace()).businessName).toBe('Rolled Back Ltd');
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    expect((await settings()).businessName).toBe('Prisma Ltd');
    const copy = await settings();
    copy.businessName = 'Mutated by a caller';
    expect((await settings()).businessName).toBe('Prisma Ltd');

    // A second store on the same connection.
    const second = createSqliteStore(h.core.db.sqlite!);
    await second.transaction({ actor: 'test' }, async (tx) => ({ value: await tx.update('Workspace', 1, { businessName: 'Second Store Ltd' }) }));
    expect((await settings()).businessName).toBe('Second Store Ltd');
    await h.core.db.prisma.workspace.update({ where: { id: 1 }, data: { businessName: 'Prisma Ltd' } });

    // Two commands sharing one commit that fails (a foreign key checked at COMMIT): neither is kept.
    h.core.db.sqlite!.connection.pragma('defer_foreign_keys = ON');
    const renamed = h.core.store.transaction({ actor: 'test' }, async (tx) => {
      await tx.update('Workspace', 1, { businessName: 'Doomed Ltd' });
      return { value: (await tx.workspace()).businessName };
    });
    const orphan = h.core.store.transaction({ actor: 'test' }, async (tx) => {
      await tx.create('Interaction', { customerId: 999_999, contactId: null, operatorId: null, kind: 'note', occurredAt: T0, text: 'orphan', sentiment: null });
      return { value: undefined };
    });
    const outcomes = await Promise.allSettled([renamed, orphan]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((await settings()).businessName).toBe('Prisma Ltd');
  });

  it('commits on a durable connection: WAL, synchronous=FULL, foreign keys on', async () => {
    await h.say('add customer Acme');
    const connection = h.core.db.sqlite!.connection;
    expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(Number(connection.pragma('synchronous', { simple: true }))).toBe(2);
    expect(Number(connection.pragma('foreign_keys', { simple: true }))).toBe(1);
    expect(connection.inTransaction).toBe(false);
  });
});

describe('the SQLite writer', () => {
  it('lets lazy work (delivery marks) ride along with the next commit instead of costing its own fsync', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-writer-'));
    const connection = new BetterSqlite3(join(dir, 'w.db'));
    try {
      connection.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
      // A lazy wait longer than the test: only other work or flush() can commit lazy work.
      const writer = createSqliteWriter(connection, (work) => work(), { lazyCommitMs: 60_000 });
      const add = (v: string) => (sql: SqliteStatements) => sql.run('INSERT INTO t (v) VALUES (?)', v);
      const stored = () => connection.prepare('SELECT v FROM t ORDER BY id').pluck().all();
      let lazyDone = false;
      const lazy = writer.write(add('lazy 1'), { lazy: true }).then(() => { lazyDone = true; });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lazyDone).toBe(false);
      expect(stored()).toEqual([]);
      await writer.write(add('eager'));
      await lazy;
      expect(stored()).toEqual(['lazy 1', 'eager']);
      const pending = writer.write(add('lazy 2'), { lazy: true });
      await writer.flush();
      await pending;
      expect(stored()).toEqual(['lazy 1', 'eager', 'lazy 2']);
    } finally {
      connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rolls back a failed job alone and whole, or only its savepoint when it shares the commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-writer-'));
    const connection = new BetterSqlite3(join(dir, 'w.db'));
    try {
      connection.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
      const writer = createSqliteWriter(connection, (work) => work());
      const stored = () => connection.prepare('SELECT v FROM t ORDER BY id').pluck().all();
      const failing = (v: string) => (sql: SqliteStatements) => {
        sql.run('INSERT INTO t (v) VALUES (?)', v);
        throw new Error(`${v} failed`);
      };
      await expect(writer.write(failing('alone'))).rejects.toThrow('alone failed');
      expect(stored()).toEqual([]);
      expect(connection.inTransaction).toBe(false);
      // Written in the same turn, these share one commit: only the failed one is undone.
      const together = [
        writer.write((sql) => sql.run('INSERT INTO t (v) VALUES (?)', 'first')),
        writer.write(failing('middle')),
        writer.write((sql) => sql.run('INSERT INTO t (v) VALUES (?)', 'last')),
      ];
      const outcomes = await Promise.allSettled(together);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(stored()).toEqual(['first', 'last']);
    } finally {
      connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
