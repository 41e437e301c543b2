import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/engine/types.ts';
import { startCron, type CronHandle, type CronJob } from './cron.ts';
import { sweepChurnRisk } from './churn.ts';
import { sweepMorningDigest } from './morning-digest.ts';
import { CRON } from './plan.ts';
import { sweepReminders } from './reminders.ts';
import { sweepSurveys, type SurveySweepResult } from './surveys.ts';
import { operatorAccounts, operatorChats } from './targets.ts';
import type { SchedulerStore, SweepDeps } from './types.ts';
import { sweepWeeklyDigest } from './weekly-digest.ts';

/** What createScheduler needs; everything is injected (the clock too). */
export interface SchedulerOptions {
  store: SchedulerStore;
  clock: Clock;
  /** Operator user ids per platform, as EngineDeps.operatorIds (`operatorIds(config)`). */
  operatorIds: Record<string, ReadonlySet<string>>;
  /** Platforms of the running channels ('console' for the terminal chat). */
  platforms: Iterable<string>;
  log?: Logger;
  /** Called after a sweep queued messages, so they are delivered now rather than on the next delivery sweep. */
  onQueued?: () => void;
}

/** What one `runOnce` queued. */
export interface SweepReport {
  reminders: number;
  surveys: SurveySweepResult;
  digests: number;
  churnAlerts: number;
}

/** The proactive side of the bot: reminders, surveys, digests, churn alerts. */
export interface Scheduler {
  /** Catches up on what fell due while the bot was down (runOnce), then starts the cron tasks. */
  start(): Promise<void>;
  /** Stops the cron tasks and waits for running sweeps. */
  stop(): Promise<void>;
  /** Runs every sweep once for `now` (default: the clock's now). Idempotent: a second run queues nothing new. */
  runOnce(now?: Date): Promise<SweepReport>;
}

const digests = async (now: Date, deps: SweepDeps) => (await sweepWeeklyDigest(now, deps)) + (await sweepMorningDigest(now, deps));

/** Builds the scheduler; the lead wires it into `crm start` next to startRuntime. */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const deps: SweepDeps = { store: options.store, operators: operatorAccounts(options.operatorIds), platforms: new Set(options.platforms), log: options.log };
  const chains = new Map<string, Promise<unknown>>();
  let started = false;
  let fast: CronHandle | null = null;
  let daily: CronHandle | null = null;

  /** Runs one sweep after any earlier run of the same sweep in this process. */
  function serial<T>(name: string, sweep: (now: Date, deps: SweepDeps) => Promise<T>, now: Date): Promise<T> {
    const run = (chains.get(name) ?? Promise.resolve()).catch(() => undefined).then(() => sweep(now, deps));
    chains.set(name, run);
    return run;
  }

  function queued(n: number): void {
    if (n > 0) options.onQueued?.();
  }

  /** A cron job: the sweep for the clock's now, errors logged (a failed sweep is retried by the next tick). */
  function job(name: keyof typeof CRON, sweep: (now: Date, d: SweepDeps) => Promise<number>, after?: () => Promise<void>): CronJob {
    return {
      name,
      expression: CRON[name],
      async run() {
        try {
          queued(await serial(name, sweep, options.clock.now()));
          await after?.();
        } catch (error) {
          options.log?.error('scheduled sweep failed', { sweep: name, error: error instanceof Error ? error.message : String(error) });
        }
      },
    };
  }

  const dailyJobs = [job('digests', digests), job('churn', sweepChurnRisk)];

  /** Daily jobs follow the workspace's zone; a zone changed by chat takes effect on the next reminder tick. */
  async function followZone(): Promise<void> {
    const zone = (await options.store.settings()).timeZone;
    if (!daily || daily.timeZone === zone) return;
    await daily.stop();
    daily = startCron(dailyJobs, zone, options.log);
  }

  async function runOnce(now: Date = options.clock.now()): Promise<SweepReport> {
    const report: SweepReport = {
      reminders: await serial('reminders', sweepReminders, now),
      surveys: await serial('surveys', sweepSurveys, now),
      digests: await serial('digests', digests, now),
      churnAlerts: await serial('churn', sweepChurnRisk, now),
    };
    queued(report.reminders + report.surveys.sent + report.surveys.reminded + report.surveys.blocked + report.digests + report.churnAlerts);
    return report;
  }

  return {
    runOnce,
    async start() {
      if (started) return;
      started = true;
      try {
        await runOnce();
        if ((await operatorChats({ ...deps, find: (a) => options.store.findOperatorChats(a) })).length === 0) {
          options.log?.info('no operator chat is known yet: reminders and alerts wait until an operator writes to the bot once');
        }
      } catch (error) {
        options.log?.error('catch-up sweep failed', { error: error instanceof Error ? error.message : String(error) });
      }
      const zone = (await options.store.settings()).timeZone;
      // Stopped while catching up: start no cron tasks.
      if (!started) return;
      fast = startCron([
        job('reminders', sweepReminders, followZone),
        job('surveys', async (now, d) => {
          const r = await sweepSurveys(now, d);
          return r.sent + r.reminded + r.blocked;
        }),
      ], zone, options.log);
      daily = startCron(dailyJobs, zone, options.log);
    },
    async stop() {
      await fast?.stop();
      await daily?.stop();
      fast = null;
      daily = null;
      started = false;
      await Promise.allSettled(chains.values());
    },
  };
}
