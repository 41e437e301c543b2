import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/engine/types.ts';

/** One cron expression and the sweep it wakes. */
export interface CronJob {
  name: string;
  /** node-cron expression (6 fields: seconds first), read in the handle's time zone. */
  expression: string;
  /** Runs the sweep; must not throw (the scheduler logs its errors). */
  run(): Promise<void>;
}

/** Running cron tasks. */
export interface CronHandle {
  readonly timeZone: string;
  stop(): Promise<void>;
}

/**
 * Starts node-cron tasks in an explicit time zone (a repeated hour at the DST fall-back runs
 * once); a run still going when the next is due is skipped (noOverlap). Cron only wakes the
 * sweeps: what is due, and whether it was sent, lives in the database.
 */
export function startCron(jobs: CronJob[], timeZone: string, log?: Logger): CronHandle {
  const logger = {
    info: () => {},
    debug: () => {},
    warn: (message: string) => log?.info('cron', { message }),
    error: (message: string | Error) => log?.error('cron', { error: message instanceof Error ? message.message : message }),
  };
  const tasks: ScheduledTask[] = jobs.map((job) => cron.schedule(job.expression, () => job.run(), { name: `crm-${job.name}`, timezone: timeZone, noOverlap: true, logger }));
  return {
    timeZone,
    async stop() {
      for (const task of tasks) await task.destroy();
    },
  };
}
