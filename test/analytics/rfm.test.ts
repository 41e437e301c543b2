import { describe, expect, it } from 'vitest';
import { clusterCustomers } from '../../src/analytics/clusters.ts';
import { rfmScores, rfmSegmentOf, rfmSegmentSummaries, type RfmInput } from '../../src/analytics/rfm.ts';

const customer = (customerId: string, daysSinceLastPurchase: number, purchases: number, revenue: number): RfmInput => ({
  customerId,
  daysSinceLastPurchase,
  purchases,
  revenue,
});

describe('rfmScores', () => {
  it('scores quintiles by rank: 5 for the most recent, most frequent and biggest spenders', () => {
    const customers = Array.from({ length: 10 }, (_, i) => customer(`c${i}`, 100 - 10 * i, i + 2, 100 * (i + 1)));
    const scores = rfmScores(customers);
    expect(scores.map((score) => score.recency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.map((score) => score.frequency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.map((score) => score.monetary)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.at(-1)?.segment).toBe('Champions');
    expect(scores[0]?.segment).toBe('Hibernating');
  });

  it('gives ties the same score (mid-rank) and one-off buyers frequency 1', () => {
    const customers = [customer('a', 5, 1, 10), customer('b', 5, 1, 10), customer('c', 5, 3, 10), customer('d', 5, 3, 10)];
    const scores = rfmScores(customers);
    expect(new Set(scores.map((score) => score.recency)).size).toBe(1);
    // Mid-rank of the tied pair is 3.5 of 4, the 87.5th percentile: top quintile.
    expect(scores.map((score) => score.frequency)).toEqual([1, 1, 5, 5]);
  });

  it("names a recent first-time buyer New and a lapsed frequent buyer Can't lose them", () => {
    const customers = [
      customer('new', 1, 1, 20),
      customer('lapsed', 300, 6, 900),
      ...Array.from({ length: 8 }, (_, i) => customer(`m${i}`, 20 + 10 * i, 2 + (i % 3), 100 + i)),
    ];
    const byId = new Map(rfmScores(customers).map((score) => [score.customerId, score.segment]));
    expect(byId.get('new')).toBe('New customers');
    expect(byId.get('lapsed')).toBe("Can't lose them");
  });
});

describe('rfmSegmentOf', () => {
  it('follows the recency × frequency grid', () => {
    const grid = [1, 2, 3, 4, 5].map((recency) => [1, 2, 3, 4, 5].map((frequency) => rfmSegmentOf(recency, frequency)));
    expect(grid).toEqual([
      ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose them"],
      ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose them"],
      ['About to sleep', 'About to sleep', 'Need attention', 'Loyal customers', 'Loyal customers'],
      ['Promising', 'Potential loyalists', 'Potential loyalists', 'Loyal customers', 'Loyal customers'],
      ['New customers', 'Potential loyalists', 'Potential loyalists', 'Champions', 'Champions'],
    ]);
  });
});

describe('rfmSegmentSummaries', () => {
  it('counts customers and revenue per segment, largest revenue first', () => {
    const customers = [customer('a', 1, 5, 500), customer('b', 200, 1, 10), customer('c', 1, 5, 400), customer('d', 200, 1, 5)];
    const summaries = rfmSegmentSummaries(rfmScores(customers), customers);
    expect(summaries[0]).toMatchObject({ customers: 2, revenue: 900 });
    expect(summaries.reduce((sum, summary) => sum + summary.customers, 0)).toBe(4);
  });
});

describe('clusterCustomers', () => {
  const customers = [
    ...Array.from({ length: 20 }, (_, i) => customer(`vip${i}`, 3 + (i % 4), 25 + i, 5000 + 100 * i)),
    ...Array.from({ length: 30 }, (_, i) => customer(`gone${i}`, 300 + i, 1, 20 + i)),
    ...Array.from({ length: 25 }, (_, i) => customer(`mid${i}`, 60 + i, 4 + (i % 3), 400 + 5 * i)),
  ];

  it('finds the obvious groups and describes them in readable sentences', () => {
    const clusters = clusterCustomers(customers, { clusters: 3 });
    expect(clusters.map((cluster) => cluster.customerIds.length)).toEqual([20, 25, 30]);
    expect(clusters[0]?.description).toMatch(/^20 customers: buy often, spent most, bought recently \(median 35 purchases, 5,950 spent, last 5 days ago\)$/);
    expect(clusters[2]?.description).toMatch(/^30 customers: buy rarely, spent least, not bought for a long time/);
  });

  it('is deterministic for a seed', () => {
    const first = clusterCustomers(customers, { clusters: 4, seed: 7 });
    const second = clusterCustomers(customers, { clusters: 4, seed: 7 });
    expect(second).toEqual(first);
  });

  it('copes with fewer distinct customers than clusters and with none', () => {
    expect(clusterCustomers([customer('a', 1, 1, 1), customer('b', 1, 1, 1)], { clusters: 4 })).toHaveLength(1);
    expect(clusterCustomers([])).toEqual([]);
  });
});
