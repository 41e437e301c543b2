import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError, type Channel } from '../../src/core/channel.ts';
import { reply, type Reply } from '../../src/core/reply.ts';
import { startRuntime, type Runtime } from '../../src/runtime.ts';
import { createDeliveryFailureAlert } from '../../src/scheduler/delivery-failure.ts';
import { createPrismaSchedulerStore } from '../../src/storage/prisma-scheduler-store.ts';
import { startHarness, type Harness } from '../support/harness.ts';

describe('a message that finally fails', () => {
  let h: Harness;
  let runtime: Runtime;
  afterEach(async () => {
    await runtime.stop();
    await h.close();
  });

  it('is kept as failed and shown to the operator, once', async () => {
    h = await startHarness('sqlite');
    const shown: Reply[] = [];
    const refusing: Channel = {
      platform: 'slack', start: async () => undefined, stop: async () => undefined,
      send: async () => { throw new ChannelError('channel_not_found', 'rejected'); },
    };
    const terminal: Channel = { platform: 'console', start: async () => undefined, stop: async () => undefined, send: async (_t, r) => { shown.push(r); } };
    const store = createPrismaSchedulerStore(h.core.db, () => h.clock.now());
    runtime = await startRuntime(h.core, [refusing, terminal], {
      sweepMs: 60_000, onFailed: createDeliveryFailureAlert({ store, operators: [], platforms: ['slack', 'console'], now: () => h.clock.now() }),
    });
    await runtime.outbox.enqueue({ key: 'r1', platform: 'slack', chatId: 'C1', kind: 'reminder', reply: reply('info', 'call Acme'), notBefore: h.clock.now() });
    await runtime.delivery.drain();
    await runtime.delivery.drain();
    const p = h.core.db.prisma;
    expect((await p.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'r1' } })).status).toBe('failed');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title).toBe('Delivery failed');
    expect(shown[0]!.text).toContain('could not deliver a reminder on slack');
    expect(shown[0]!.text).not.toContain('call Acme');
  });
});
