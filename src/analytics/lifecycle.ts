/** Lifecycle stage of a customer (lead, active, at risk, churned) from purchases, activity and churn risk. */

import { MS_PER_DAY, type DateInput } from './calendar.ts';

/** Where a customer stands. */
export type LifecycleStage = 'lead' | 'active' | 'at_risk' | 'churned';

/** What the stage is decided from. */
export interface LifecycleInput {
  /** Purchases ever made. */
  purchases: number;
  /** Deals won; a won deal makes a customer even before a purchase is recorded. */
  wonDeals?: number;
  /** Latest purchase or interaction, whichever is later; undefined when there has been none. */
  lastActivityAt?: DateInput;
  /** Churn risk 0-100 from churnRisk. */
  churnRisk: number;
}

/** Thresholds of lifecycleStage; all optional. */
export interface LifecycleOptions {
  /** No purchase or contact for longer than this means churned (default 180 days). */
  churnedAfterDays?: number;
  /** Churn risk at or above this means at risk (default 70, the workspace's churnAlertThreshold default). */
  atRiskThreshold?: number;
}

/** Stage of one customer at `now`: lead until the first purchase or won deal, churned after long silence. */
export function lifecycleStage(input: LifecycleInput, now: Date, options: LifecycleOptions = {}): LifecycleStage {
  if (input.purchases <= 0 && (input.wonDeals ?? 0) <= 0) return 'lead';
  if (input.lastActivityAt === undefined) return 'churned';
  const lastMs = typeof input.lastActivityAt === 'string' ? Date.parse(input.lastActivityAt) : input.lastActivityAt.getTime();
  const silentDays = (now.getTime() - lastMs) / MS_PER_DAY;
  if (silentDays > (options.churnedAfterDays ?? 180)) return 'churned';
  return input.churnRisk >= (options.atRiskThreshold ?? 70) ? 'at_risk' : 'active';
}
