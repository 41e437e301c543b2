import { platformStatus, type Config } from '../config.ts';
import { openDatabase, redactDatabaseUrl } from '../storage/database.ts';

/** `crm doctor`: is the database reachable and migrated, which channels are configured, what is missing. */
export async function runDoctor(config: Config, io: { out: (s: string) => void }): Promise<number> {
  let healthy = true;
  const where = redactDatabaseUrl(config.DATABASE_URL);
  try {
    const db = await openDatabase(config.DATABASE_URL);
    try {
      const m = db.migration;
      const customers = await db.prisma.customer.count();
      io.out(`✔ database ${where} (${db.provider}): reachable, ${m.alreadyApplied + m.applied.length} migrations applied${m.applied.length ? ` (${m.applied.length} just now)` : ''}, ${customers} customers.`);
      if (m.modified.length) {
        healthy = false;
        io.out(`✘ migrations changed after they were applied: ${m.modified.join(', ')}.`);
      }
    } finally {
      await db.close();
    }
  } catch (error) {
    healthy = false;
    io.out(`✘ database ${where}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Check DATABASE_URL.`);
  }
  const platforms = platformStatus(config);
  for (const p of platforms) io.out(`${p.configured ? '✔' : '·'} ${p.platform}: ${p.detail}.`);
  if (!platforms.some((p) => p.configured)) io.out('· no chat platform configured: `npm start` opens the console chat. See README.md to connect Slack, Discord or Telegram.');
  return healthy ? 0 : 1;
}
