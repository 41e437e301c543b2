/** Runs acknowledged messages after the ack: one chat in arrival order, chats in parallel up to a cap. */
export interface InboundQueue {
  /** Queues `task` behind earlier tasks of the same `key`; never throws (the task handles its errors). */
  push(key: string, task: () => Promise<void>): void;
  /** Resolves once every queued task has finished. */
  idle(): Promise<void>;
}

/**
 * Two messages typed quickly in one chat ("add customer X", "log call with X") must run in that
 * order; and a cap keeps a burst from piling up work that would delay the next acks.
 */
export function createInboundQueue(maxInFlight: number): InboundQueue {
  const tails = new Map<string, Promise<void>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  let pending = 0;
  let onIdle: (() => void)[] = [];

  const acquire = () => (running < maxInFlight ? (running += 1, Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve)));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return {
    push(key, task) {
      pending += 1;
      const run = (tails.get(key) ?? Promise.resolve()).then(async () => {
        await acquire();
        try {
          await task();
        } finally {
          release();
        }
      });
      const tail = run.catch(() => {}).finally(() => {
        if (tails.get(key) === tail) tails.delete(key);
        pending -= 1;
        if (pending === 0) {
          for (const resolve of onIdle) resolve();
          onIdle = [];
        }
      });
      tails.set(key, tail);
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => onIdle.push(resolve))),
  };
}
