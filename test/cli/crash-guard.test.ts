import { afterEach, describe, expect, it } from 'vitest';
import { keepRunningOnStrayRejections } from '../../src/cli/start.ts';

describe('a stray promise rejection in crm start', () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  it('is logged without secrets instead of stopping the bot', () => {
    const logged: { message: string; meta?: Record<string, unknown> }[] = [];
    uninstall = keepRunningOnStrayRejections({ info: () => {}, error: (message, meta) => void logged.push({ message, meta }) });
    const token = `xapp-1-A0-${'9'.repeat(20)}`;
    process.emit('unhandledRejection', new Error(`socket closed for ${token} and 123456789:${'A'.repeat(35)}`), Promise.resolve());
    expect(logged).toHaveLength(1);
    expect(logged[0]!.message).toContain('keeps running');
    expect(String(logged[0]!.meta?.error)).toBe('Error: socket closed for [secret] and [secret]');
  });

  it('stops listening once crm start ends', () => {
    const before = process.listenerCount('unhandledRejection');
    const off = keepRunningOnStrayRejections({ info: () => {}, error: () => {} });
    expect(process.listenerCount('unhandledRejection')).toBe(before + 1);
    off();
    expect(process.listenerCount('unhandledRejection')).toBe(before);
  });
});
