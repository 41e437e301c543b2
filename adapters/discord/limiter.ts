/**
 * At most `max` tasks at once, the rest wait in order. Bounds the REST requests in flight: an
 * unbounded burst opens one connection per request, and some of them then stall for seconds.
 */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    running -= 1;
    queue.shift()?.();
  };
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => queue.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
