// Writes prisma/postgres/schema.prisma from prisma/schema.prisma: same models, PostgreSQL
// provider, its own client output. One hand-edited schema, two generated clients.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Returns the PostgreSQL variant of the SQLite schema text. */
export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../src/storage/generated/sqlite"', 'output       = "../../src/storage/generated/postgres"');
  if (out === sqliteSchema || !out.includes('generated/postgres')) {
    throw new Error('prisma/schema.prisma changed shape: update scripts/derive-postgres-schema.mjs');
  }
  return `// GENERATED from ../schema.prisma by scripts/derive-postgres-schema.mjs: do not edit.\n${out}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = join(root, 'prisma/postgres/schema.prisma');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, derivePostgresSchema(readFileSync(join(root, 'prisma/schema.prisma'), 'utf8')));
}
