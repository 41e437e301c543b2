// The platform side of an adapter bench (the fake platform and its simulated users) runs in a
// child process, as the real platform would: its CPU work is not charged to the CRM's event loop.
import { fork } from 'node:child_process';

/** What a platform process offers: plain async functions whose arguments and results are JSON. */
export type PlatformApi = Record<string, (...args: never[]) => Promise<unknown>>;

/** A platform process seen from the bench: each call runs in the child. */
export type Remote<A extends PlatformApi> = { [K in keyof A]: (...args: Parameters<A[K]>) => Promise<Awaited<ReturnType<A[K]>>> } & {
  /** Ends the child process. */
  stop(): Promise<void>;
};

interface Call { id: number; name: string; args: unknown[] }
type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Starts the platform module in a child process (it calls servePlatform). */
export function startPlatform<A extends PlatformApi>(module: URL): Remote<A> {
  const child = fork(module, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  child.on('message', (a: Answer) => {
    const p = pending.get(a.id);
    pending.delete(a.id);
    if (a.ok) p?.resolve(a.value);
    else p?.reject(new Error(a.error));
  });
  child.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`the platform process exited (${code})`));
    pending.clear();
  });
  const call = (name: string, args: unknown[]) => new Promise<unknown>((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    child.send({ id, name, args } satisfies Call);
  });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });
  return new Proxy({ stop } as Remote<A>, {
    get: (target, name) => (name === 'stop' ? target.stop : typeof name === 'string' ? (...args: unknown[]) => call(name, args) : undefined),
  });
}

/** Serves a platform module's functions to the bench that started this process. */
export function servePlatform(api: PlatformApi): void {
  process.on('message', (c: Call) => {
    const fn = api[c.name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
    Promise.resolve()
      .then(() => {
        if (!fn) throw new Error(`the platform process has no ${c.name}()`);
        return fn(...c.args);
      })
      .then(
        (value) => process.send!({ id: c.id, ok: true, value } satisfies Answer),
        (error: unknown) => process.send!({ id: c.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Answer),
      );
  });
}
