import type { Core } from './app.ts';
import type { Channel } from './core/channel.ts';
import { createDelivery, type Delivery, type DeliveryOptions } from './core/delivery.ts';
import type { ClaimedMessage, OutboxStore } from './core/outbox.ts';
import { hasHttpRoutes, startHttpServer } from './http-server.ts';
import { createOutbox } from './storage/outbox.ts';

/** Running channels with their outbox deliverer. */
export interface Runtime {
  outbox: OutboxStore;
  delivery: Delivery;
  /** The HTTP server's port, when a channel needed one. */
  httpPort?: number;
  stop(): Promise<void>;
}

/** Options of the runtime. */
export interface RuntimeOptions {
  /** HTTP port for channels that receive over HTTP (0 picks a free one). Default 3000. */
  port?: number;
  /** Interface the HTTP server binds to. Default all interfaces. */
  host?: string;
  /** How often retries and due messages are swept, in ms. Default 1 s. */
  sweepMs?: number;
  delivery?: DeliveryOptions;
  /** Told when a message finally fails (the scheduler turns it into an operator alert). */
  onFailed?: (message: ClaimedMessage, error: string) => Promise<void>;
}

/**
 * Starts channels on the engine. Every reply is queued in the outbox in the command's own
 * transaction, then delivered with retries; a sweep retries what failed.
 */
export async function startRuntime(core: Core, channels: Channel[], options: RuntimeOptions = {}): Promise<Runtime> {
  const clock = core.deps.clock;
  const outbox = createOutbox(core.db, () => clock.now());
  const delivery = createDelivery({
    outbox, channels: new Map(channels.map((c) => [c.platform, c])), clock, log: core.deps.log, onFailed: options.onFailed, options: options.delivery,
  });
  const logSweepError = (error: unknown) => core.deps.log?.error('delivery sweep failed', { error: error instanceof Error ? error.message : String(error) });
  const kick = () => {
    delivery.drain().catch(logSweepError);
  };
  const routes = channels.flatMap((c) => (hasHttpRoutes(c) ? c.httpRoutes() : []));
  const http = routes.length ? await startHttpServer(options.port ?? 3000, routes, options.host) : undefined;
  const started: Channel[] = [];
  try {
    for (const channel of channels) {
      await channel.start(async (msg) => {
        let handedOver = false;
        await core.engine.handle(msg, {
          viaOutbox: true,
          sendNow: {
            leaseMs: delivery.leaseMs,
            send: (messages) => {
              handedOver = true;
              delivery.sendClaimed(messages).catch(logSweepError);
            },
          },
        });
        // An apology queued after a failure is not claimed: a sweep sends it.
        if (!handedOver) kick();
      });
      started.push(channel);
    }
  } catch (error) {
    for (const c of started) await c.stop();
    await http?.close();
    throw error;
  }
  const timer = setInterval(kick, options.sweepMs ?? 1_000);
  timer.unref();
  kick();
  return {
    outbox,
    delivery,
    httpPort: http?.port,
    async stop() {
      clearInterval(timer);
      for (const c of started) await c.stop();
      await http?.close();
    },
  };
}
