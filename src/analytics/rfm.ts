/** RFM: recency, frequency and monetary quintile scores (1-5, 5 best) and readable segment names. */

import type { CustomerKey } from './transactions.ts';

/** What RFM needs per customer (a CustomerPurchaseSummary fits as is). */
export interface RfmInput {
  customerId: CustomerKey;
  daysSinceLastPurchase: number;
  /** Distinct purchase days. */
  purchases: number;
  /** Money spent. */
  revenue: number;
}

/** Segment names of the classic recency × frequency grid. */
export type RfmSegment =
  | 'Champions'
  | 'Loyal customers'
  | 'Potential loyalists'
  | 'New customers'
  | 'Promising'
  | 'Need attention'
  | 'About to sleep'
  | 'At risk'
  | "Can't lose them"
  | 'Hibernating';

/** A customer's quintile scores and segment. */
export interface RfmScore {
  customerId: CustomerKey;
  recency: number;
  frequency: number;
  monetary: number;
  segment: RfmSegment;
}

/** One segment's size and revenue, for "segments" answers. */
export interface RfmSegmentSummary {
  segment: RfmSegment;
  customers: number;
  revenue: number;
}

/** One line per segment: who they are and what to do, for chat answers. */
export const RFM_SEGMENT_MEANING: Readonly<Record<RfmSegment, string>> = {
  Champions: 'bought recently, buy often: reward them',
  'Loyal customers': 'buy often: ask for reviews and referrals',
  'Potential loyalists': 'recent, a few purchases: offer a membership or bundle',
  'New customers': 'first purchase recently: onboard them well',
  Promising: 'one purchase a while ago: a friendly follow-up',
  'Need attention': 'average on all counts: a personal check-in',
  'About to sleep': 'fading: share something useful before they go',
  'At risk': 'used to buy often, not lately: reach out now',
  "Can't lose them": 'best buyers gone quiet: call them',
  Hibernating: 'long gone, bought little: low priority',
};

/**
 * Scores each customer against the others (mid-rank quintiles, so ties share a score). A customer with a
 * single purchase always gets frequency 1: one-off buyers are usually the largest tie and must read as "new".
 */
export function rfmScores(customers: readonly RfmInput[]): RfmScore[] {
  const recency = quintileScores(customers.map((customer) => -customer.daysSinceLastPurchase));
  const frequency = quintileScores(customers.map((customer) => customer.purchases));
  const monetary = quintileScores(customers.map((customer) => customer.revenue));
  return customers.map((customer, i) => {
    const recencyScore = recency[i] ?? 1;
    const frequencyScore = customer.purchases <= 1 ? 1 : (frequency[i] ?? 1);
    return {
      customerId: customer.customerId,
      recency: recencyScore,
      frequency: frequencyScore,
      monetary: monetary[i] ?? 1,
      segment: rfmSegmentOf(recencyScore, frequencyScore),
    };
  });
}

/** Segment of a recency and frequency score (1-5) on the standard RF grid. */
export function rfmSegmentOf(recency: number, frequency: number): RfmSegment {
  if (recency <= 2) {
    if (frequency <= 2) return 'Hibernating';
    return frequency <= 4 ? 'At risk' : "Can't lose them";
  }
  if (recency === 3) {
    if (frequency <= 2) return 'About to sleep';
    return frequency === 3 ? 'Need attention' : 'Loyal customers';
  }
  if (frequency === 1) return recency === 4 ? 'Promising' : 'New customers';
  if (frequency <= 3) return 'Potential loyalists';
  return recency === 4 ? 'Loyal customers' : 'Champions';
}

/** Customers and revenue per segment, largest revenue first. */
export function rfmSegmentSummaries(scores: readonly RfmScore[], customers: readonly RfmInput[]): RfmSegmentSummary[] {
  const bySegment = new Map<RfmSegment, RfmSegmentSummary>();
  scores.forEach((score, i) => {
    const summary = bySegment.get(score.segment) ?? { segment: score.segment, customers: 0, revenue: 0 };
    summary.customers += 1;
    summary.revenue += customers[i]?.revenue ?? 0;
    bySegment.set(score.segment, summary);
  });
  return [...bySegment.values()].sort((left, right) => right.revenue - left.revenue || right.customers - left.customers);
}

/** 1-5 score of each value by its mid-rank among all values (higher value, higher score). */
function quintileScores(values: readonly number[]): number[] {
  const count = values.length;
  const order = values.map((_, i) => i).sort((left, right) => (values[left] ?? 0) - (values[right] ?? 0));
  const scores = new Array<number>(count);
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && values[order[end] ?? 0] === values[order[start] ?? 0]) end += 1;
    const midRank = (start + 1 + end) / 2;
    const score = Math.min(5, Math.max(1, Math.ceil((5 * midRank) / count)));
    for (let i = start; i < end; i++) scores[order[i] ?? 0] = score;
    start = end;
  }
  return scores;
}
