/** What every adapter bench measures and reports, in one place. */

/** Concurrent conversations measured. */
export const LEVELS = [20, 200] as const;
/** Messages sent at each level. */
export const MESSAGES_PER_LEVEL = 2_000;

/** One measured level. */
export interface AdapterBenchRow {
  concurrency: number;
  messages: number;
  messagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** What a platform bench returns to bench/adapters.ts. */
export interface AdapterBenchResult {
  platform: string;
  rows: AdapterBenchRow[];
  notes: string[];
}

/** The p-th percentile (nearest rank) of some values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Rounds to one decimal for printing. */
export const round = (n: number) => Math.round(n * 10) / 10;
