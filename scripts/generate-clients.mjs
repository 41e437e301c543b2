// Generates the Prisma clients (SQLite and PostgreSQL) at install time, offline.
// `prisma generate` tries to download a schema engine at start-up unless it is told where one
// is; generation never runs it, so any existing file will do (see docs in the README).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/derive-postgres-schema.mjs')], { stdio: 'inherit' });
const prismaCli = join(root, 'node_modules/prisma/build/index.js');
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma']) {
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schema], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}
console.log('Prisma clients generated (SQLite and PostgreSQL).');
