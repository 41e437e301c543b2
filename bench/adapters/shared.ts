/** What every adapter bench measures and reports, in one place. */
import { seededRandom } from '../../src/core/random.ts';

/** Concurrent conversations measured. */
export const LEVELS = [20, 200] as const;
/** Messages sent at each level when the conversations run flat out. */
export const MESSAGES_PER_LEVEL = 2_000;

/**
 * How the simulated people write. `paced`: each conversation sends one message every `periodMs`
 * (from a random phase), or as soon as its previous reply came back if that was later: one message
 * a second is what Slack (chat.postMessage), Telegram and Discord let a bot send into one chat, so
 * no real conversation goes faster. `flat-out`: each conversation sends the next message the
 * moment its reply arrives, which measures capacity (latency is then about conversations /
 * throughput, Little's law).
 */
export type Load = { kind: 'paced'; periodMs: number; seconds: number } | { kind: 'flat-out'; perConversation: number };

/** One message a second per conversation for ten seconds. */
export const PACED: Load = { kind: 'paced', periodMs: 1_000, seconds: 10 };

/** The flat-out load that sends about MESSAGES_PER_LEVEL messages at `conversations`. */
export const flatOut = (conversations: number, messages = MESSAGES_PER_LEVEL): Load => ({ kind: 'flat-out', perConversation: Math.max(1, Math.ceil(messages / conversations)) });

/** Says which load a row was measured under, for printing. */
export const describeLoad = (load: Load) => (load.kind === 'paced' ? `one message per ${load.periodMs / 1000} s each` : 'flat out');

/** One measured level. */
export interface AdapterBenchRow {
  concurrency: number;
  load: Load;
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

/**
 * Runs `conversations` conversations at once under `load`. `say(c, n)` sends message n of
 * conversation c and resolves, once its reply has arrived, with what it measured.
 */
export async function runConversations<T>(conversations: number, load: Load, say: (c: number, n: number) => Promise<T>): Promise<{ results: T[]; seconds: number }> {
  const results: T[] = [];
  // Seeded, so two runs of the bench send the same schedule.
  const random = seededRandom(conversations);
  const started = performance.now();
  await Promise.all(Array.from({ length: conversations }, async (_, c) => {
    if (load.kind === 'flat-out') {
      for (let n = 0; n < load.perConversation; n += 1) results.push(await say(c, n));
      return;
    }
    const phase = random() * load.periodMs;
    for (let n = 0; n < Math.floor((load.seconds * 1000) / load.periodMs); n += 1) {
      const wait = started + phase + n * load.periodMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      results.push(await say(c, n));
    }
  }));
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** A row from the latencies (ms) of a run. */
export function row(concurrency: number, load: Load, latencies: readonly number[], seconds: number): AdapterBenchRow {
  return {
    concurrency, load, messages: latencies.length, messagesPerSecond: round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)),
  };
}

/** The p-th percentile (nearest rank) of some values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Rounds to one decimal for printing. */
export const round = (n: number) => Math.round(n * 10) / 10;
