import type { Config } from '../config.ts';
import { openDatabase, redactDatabaseUrl } from '../storage/database.ts';

/** `crm migrate`: applies pending migrations and says what it did. */
export async function runMigrate(config: Config, io: { out: (s: string) => void }): Promise<number> {
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const m = db.migration;
    io.out(`${redactDatabaseUrl(config.DATABASE_URL)}: ${m.applied.length ? `applied ${m.applied.join(', ')}` : 'already up to date'} (${m.alreadyApplied + m.applied.length} migrations in all).`);
    if (m.modified.length) io.out(`Warning: applied migrations changed since: ${m.modified.join(', ')}.`);
    return 0;
  } finally {
    await db.close();
  }
}
