import { fitCustomerValueModels, modelsOf, scoreCustomerValue, type CustomerValueScore } from '../analytics/customer-value.ts';
import { WEEKS_PER_MONTH } from '../analytics/clv.ts';
import { summarisePurchases, type CustomerPurchaseSummary } from '../analytics/transactions.ts';
import type { AnalyticsSnapshot } from '../core/store.ts';
import { minorDigits } from '../core/money.ts';

/** Predicted value over the next 12 months, discounted 1% a month, on a weekly model. */
export const CLV_HORIZON = { horizonPeriods: 12, unitsPerPeriod: WEEKS_PER_MONTH, discountRatePerPeriod: 0.01 } as const;

/** Model figures per customer, with the data they came from. */
export interface ValueScores {
  currency: string;
  byCustomer: Map<number, CustomerValueScore & { summary: CustomerPurchaseSummary }>;
  fittedAt: Date;
}

/**
 * Fits BG/NBD and Gamma-Gamma on every purchase in the workspace currency (other currencies are
 * left out: their amounts do not add up) and scores each buyer. Null when there is too little
 * history to fit (no repeat buyer yet).
 */
export function scoreValue(snapshot: Pick<AnalyticsSnapshot, 'purchases'>, currency: string, now: Date, timeZone: string): ValueScores | null {
  const scale = 10 ** minorDigits(currency);
  const rows = snapshot.purchases
    .filter((p) => p.currency === currency && p.occurredAt <= now)
    .map((p) => ({ customerId: p.customerId, date: p.occurredAt, amount: p.amountMinor / scale }));
  if (rows.length === 0) return null;
  const { customers } = summarisePurchases(rows, { until: now, unit: 'weeks', timeZone });
  let scores: CustomerValueScore[];
  try {
    scores = scoreCustomerValue(customers, modelsOf(fitCustomerValueModels(customers)), CLV_HORIZON);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  const summaries = new Map(customers.map((c) => [Number(c.customerId), c]));
  return {
    currency,
    fittedAt: now,
    byCustomer: new Map(scores.map((s) => [Number(s.customerId), { ...s, summary: summaries.get(Number(s.customerId))! }])),
  };
}
