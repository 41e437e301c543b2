import pino from 'pino';
import { operatorIds, type Config } from './config.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { createEngine, type Engine } from './core/engine/engine.ts';
import type { EngineDeps, Logger } from './core/engine/types.ts';
import type { Store } from './core/store.ts';
import { isTimeZone } from './core/time.ts';
import { createAnalyticsService } from './insights/analytics-service.ts';
import { createParser, sentimentOf } from './nlu/index.ts';
import { openDatabase, type Database } from './storage/database.ts';
import { createPrismaStore } from './storage/prisma-store.ts';
import { createSqliteStore } from './storage/sqlite-store.ts';

/** The product without its channels: database, store and engine. */
export interface Core {
  db: Database;
  store: Store;
  engine: Engine;
  deps: EngineDeps;
  close(): Promise<void>;
}

/** A logger writing JSON lines to stderr (stdout belongs to the console chat and the CLI). */
export function createLogger(level: string): Logger & { raw: pino.Logger } {
  const raw = pino({ level, redact: { paths: ['*.token', '*.secret', '*.text', '*.email', '*.phone'], censor: '[redacted]' } }, pino.destination(2));
  return { raw, info: (m, meta) => raw.info(meta ?? {}, m), error: (m, meta) => raw.error(meta ?? {}, m) };
}

/** Opens the database (migrating it) and builds the engine. */
export async function createCore(config: Config, options: { clock?: Clock; log?: Logger; extra?: Partial<EngineDeps> } = {}): Promise<Core> {
  const db = await openDatabase(config.DATABASE_URL);
  const store = db.sqlite ? createSqliteStore(db.sqlite) : createPrismaStore(db);
  await seedWorkspace(db, config);
  const deps: EngineDeps = {
    store,
    parse: options.extra?.parse ?? createParser(),
    sentiment: sentimentOf,
    clock: options.clock ?? systemClock,
    operatorIds: operatorIds(config),
    analytics: createAnalyticsService(),
    log: options.log,
    ...options.extra,
  };
  return { db, store, engine: createEngine(deps), deps, close: () => db.close() };
}

/** First start: the workspace takes its defaults from the environment. */
async function seedWorkspace(db: Database, config: Config): Promise<void> {
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const timeZone = config.CRM_TIME_ZONE && isTimeZone(config.CRM_TIME_ZONE) ? config.CRM_TIME_ZONE : systemZone || 'UTC';
  await db.prisma.workspace.upsert({
    where: { id: 1 },
    create: {
      id: 1, timeZone,
      surveyFirstAfterDays: config.SURVEY_FIRST_AFTER_DAYS, surveyEveryDays: config.SURVEY_EVERY_DAYS,
      surveyMinGapDays: config.SURVEY_MIN_GAP_DAYS, surveyDailyCap: config.SURVEY_DAILY_CAP,
    },
    update: {},
  });
}
