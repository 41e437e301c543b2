/**
 * Runs tasks one after another per key (a chat) and in parallel across keys, so a chat's
 * messages are handled in the order they were written while other chats do not wait; at most
 * `maxRunning` tasks run at once and the others wait here, first come first served, rather than
 * piling up as database transactions that time out waiting for a connection.
 */
export class ChatQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(private readonly onError: (error: unknown) => void, private readonly maxRunning: number) {}

  /** Queues a task behind the key's earlier ones; resolves when it is done (it never rejects). */
  run(key: string, task: () => Promise<void>): Promise<void> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(() => this.limited(task)).catch(this.onError);
    this.tails.set(key, next);
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves once every queued task has finished. */
  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all(this.tails.values());
  }

  private async limited(task: () => Promise<void>): Promise<void> {
    if (this.running < this.maxRunning) this.running += 1;
    // A finishing task hands its slot straight to the longest waiting one.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
