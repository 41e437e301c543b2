/** Customer lifetime value: historical revenue, the plain annuity form, and discounted predictive CLV from BG/NBD + Gamma-Gamma. */

import { bgnbdExpectedPurchasesIfAlive, bgnbdProbabilityAlive, type BgnbdParameters, type RepeatPurchaseHistory } from './bgnbd.ts';
import { createCalendarDayOf, type DateInput } from './calendar.ts';
import { gammaGammaExpectedAverageSpend, type GammaGammaParameters, type SpendHistory } from './gamma-gamma.ts';
import type { CustomerKey, PurchaseRow } from './transactions.ts';

/** Fitted models that predictive CLV needs. */
export interface CustomerValueModels {
  bgnbd: BgnbdParameters;
  gammaGamma: GammaGammaParameters;
}

/** How far ahead and how to discount. */
export interface ClvHorizon {
  /** Number of periods to sum (e.g. 12 months). */
  horizonPeriods: number;
  /** Model time units in one period (e.g. 4.345 weeks per month, 30 days per month). */
  unitsPerPeriod: number;
  /** Discount rate per period (e.g. 0.01 per month). */
  discountRatePerPeriod: number;
}

/** Weeks in an average month (52.14 / 12), for monthly periods on a weekly model. */
export const WEEKS_PER_MONTH = 4.345;

/** Present value of `amountPerPeriod` received at the end of each of `periods` periods (1,000 × 5 at 10% = 3,790.79). */
export function annuityPresentValue(amountPerPeriod: number, periods: number, discountRatePerPeriod: number): number {
  if (discountRatePerPeriod === 0) return amountPerPeriod * periods;
  return (amountPerPeriod * (1 - Math.pow(1 + discountRatePerPeriod, -periods))) / discountRatePerPeriod;
}

/**
 * Discounted predictive CLV: for each period k, expected purchases E[Y(k·L)] − E[Y((k−1)·L)] times the expected
 * spend per purchase, discounted by (1 + d)^k. Money is in the unit of zbar.
 */
export function predictiveClv(models: CustomerValueModels, customer: RepeatPurchaseHistory & SpendHistory, horizon: ClvHorizon): number {
  return (
    gammaGammaExpectedAverageSpend(models.gammaGamma, customer) *
    bgnbdProbabilityAlive(models.bgnbd, customer) *
    discountedPurchasesIfAlive(models.bgnbd, customer, horizon)
  );
}

/**
 * Σ_k (E[Y(k·L) | alive] − E[Y((k−1)·L) | alive]) / (1 + d)^k: the discounted purchase count of a live customer.
 * It depends on x and T only, so callers scoring many customers can share it between customers with equal x and T.
 */
export function discountedPurchasesIfAlive(bgnbd: BgnbdParameters, customer: Pick<RepeatPurchaseHistory, 'x' | 'T'>, horizon: ClvHorizon): number {
  let total = 0;
  let previousCumulative = 0;
  for (let period = 1; period <= horizon.horizonPeriods; period++) {
    const cumulative = bgnbdExpectedPurchasesIfAlive(bgnbd, customer, period * horizon.unitsPerPeriod);
    total += (cumulative - previousCumulative) / Math.pow(1 + horizon.discountRatePerPeriod, period);
    previousCumulative = cumulative;
  }
  return total;
}

/** Revenue per customer, optionally only from purchases between two calendar days inclusive in `timeZone`. */
export function historicalRevenue(
  rows: Iterable<PurchaseRow>,
  period?: { from: DateInput; to: DateInput; timeZone?: string },
): Map<CustomerKey, number> {
  const dayOf = createCalendarDayOf(period?.timeZone);
  const fromDay = period ? dayOf(period.from) : Number.NEGATIVE_INFINITY;
  const toDay = period ? dayOf(period.to) : Number.POSITIVE_INFINITY;
  const revenue = new Map<CustomerKey, number>();
  for (const row of rows) {
    if (period) {
      const day = dayOf(row.date);
      if (day < fromDay || day > toDay) continue;
    }
    revenue.set(row.customerId, (revenue.get(row.customerId) ?? 0) + row.amount);
  }
  return revenue;
}
