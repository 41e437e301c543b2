/** K-means clustering of customers on standardised RFM features, each cluster described in one readable sentence. */

import { kmeans } from 'ml-kmeans';
import { mean, median, standardDeviation } from 'simple-statistics';
import type { RfmInput } from './rfm.ts';
import type { CustomerKey } from './transactions.ts';

/** Options of clusterCustomers. */
export interface ClusterOptions {
  /** Number of clusters (default 4; fewer when there are fewer distinct customers). */
  clusters?: number;
  /** Seed of the k-means++ start, so the same data always gives the same clusters (default 42). */
  seed?: number;
}

/** One cluster: its customers, medians in plain units, and a sentence such as "23 customers: buy often, ...". */
export interface CustomerCluster {
  customerIds: CustomerKey[];
  medianDaysSinceLastPurchase: number;
  medianPurchases: number;
  medianRevenue: number;
  description: string;
}

/** Distance from the overall mean, in standard deviations, that counts as clearly above or below. */
const NOTABLE_Z = 0.5;

/** Clusters customers on log-scaled, standardised recency, frequency and revenue; largest median revenue first. */
export function clusterCustomers(customers: readonly RfmInput[], options: ClusterOptions = {}): CustomerCluster[] {
  if (customers.length === 0) return [];
  // Purchases and revenue are heavy-tailed; logs keep a few big spenders from forming clusters of their own.
  const features = customers.map((customer) => [
    Math.log1p(customer.daysSinceLastPurchase),
    Math.log1p(customer.purchases),
    Math.log1p(customer.revenue),
  ]);
  const standardised = standardise(features);
  const distinctPoints = new Set(standardised.map((point) => point.join(','))).size;
  const clusterCount = Math.min(options.clusters ?? 4, distinctPoints);
  const result = kmeans(standardised, clusterCount, { seed: options.seed ?? 42, initialization: 'kmeans++' });
  const members: number[][] = Array.from({ length: clusterCount }, () => []);
  result.clusters.forEach((cluster, i) => members[cluster]?.push(i));
  return members
    .filter((indexes) => indexes.length > 0)
    .map((indexes) => describeCluster(indexes, customers, standardised))
    .sort((left, right) => right.medianRevenue - left.medianRevenue);
}

function describeCluster(indexes: readonly number[], customers: readonly RfmInput[], standardised: readonly number[][]): CustomerCluster {
  const meanZ = [0, 1, 2].map((feature) => mean(indexes.map((i) => standardised[i]?.[feature] ?? 0)));
  const [recencyZ = 0, frequencyZ = 0, revenueZ = 0] = meanZ;
  const medianDaysSinceLastPurchase = median(indexes.map((i) => customers[i]?.daysSinceLastPurchase ?? 0));
  const medianPurchases = median(indexes.map((i) => customers[i]?.purchases ?? 0));
  const medianRevenue = median(indexes.map((i) => customers[i]?.revenue ?? 0));
  const frequencyText = frequencyZ > NOTABLE_Z ? 'buy often' : frequencyZ < -NOTABLE_Z ? 'buy rarely' : 'buy now and then';
  const revenueText = revenueZ > NOTABLE_Z ? 'spent most' : revenueZ < -NOTABLE_Z ? 'spent least' : 'spent an average amount';
  // Recency is days since the last purchase, so a low value means a recent buyer.
  const recencyText = recencyZ < -NOTABLE_Z ? 'bought recently' : recencyZ > NOTABLE_Z ? 'not bought for a long time' : 'bought a while ago';
  const noun = indexes.length === 1 ? 'customer' : 'customers';
  return {
    customerIds: indexes.map((i) => customers[i]?.customerId ?? i),
    medianDaysSinceLastPurchase,
    medianPurchases,
    medianRevenue,
    description:
      `${indexes.length} ${noun}: ${frequencyText}, ${revenueText}, ${recencyText} ` +
      `(median ${formatCount(medianPurchases)} purchases, ${formatCount(medianRevenue)} spent, last ${formatCount(medianDaysSinceLastPurchase)} days ago)`,
  };
}

function standardise(points: readonly number[][]): number[][] {
  const columns = (points[0] ?? []).map((_, d) => points.map((point) => point[d] ?? 0));
  const means = columns.map((column) => mean(column));
  // A constant feature carries no information; dividing by 1 leaves it at 0 everywhere.
  const deviations = columns.map((column) => standardDeviation(column) || 1);
  return points.map((point) => point.map((value, d) => (value - (means[d] ?? 0)) / (deviations[d] ?? 1)));
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
