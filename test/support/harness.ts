import { createCore, type Core } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/core/clock.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import type { Parser } from '../../src/core/parser.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createParser } from '../../src/nlu/index.ts';
import { testDatabase, type TestDatabase } from './databases.ts';

/** The instant tests start at: Tuesday 24 Nov 2026, 15:00 UTC (10:00 in New York). */
export const T0 = new Date('2026-11-24T15:00:00.000Z');

let sharedParser: Parser | undefined;
/** Training the parser takes a moment; one per test process is enough. */
function parser(): Parser {
  sharedParser ??= createParser();
  return sharedParser;
}

/** An engine on a fresh database with a fixed clock, driven like a chat. */
export interface Harness {
  core: Core;
  clock: ReturnType<typeof fixedClock>;
  /** Sends text as the console operator; returns the replies. */
  say(text: string, extra?: Partial<InboundMessage>): Promise<Reply[]>;
  /** Sends and returns the first reply's text (with choices), for compact assertions. */
  ask(text: string, extra?: Partial<InboundMessage>): Promise<string>;
  /** Presses the button with this label on the last reply that had it. */
  press(label: string): Promise<Reply[]>;
  /** Closes the engine and opens a new one on the same database (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a harness; env adds configuration (operator ids...). */
export async function startHarness(provider: 'sqlite' | 'postgresql', env: Record<string, string> = {}): Promise<Harness> {
  const db: TestDatabase = testDatabase(provider);
  const clock = fixedClock(T0);
  const config = loadConfig({ DATABASE_URL: db.url, CRM_TIME_ZONE: 'America/New_York', ...env });
  let core = await createCore(config, { clock, extra: { parse: parser() } });
  let lastChoices: { label: string; value: string }[] = [];
  const say = async (text: string, extra: Partial<InboundMessage> = {}) => {
    const replies = await harness.core.engine.handle({ platform: 'console', chatId: 'console', userId: 'operator', text, receivedAt: clock.now(), ...extra });
    const withChoices = replies.find((r) => r.choices?.length);
    if (withChoices) lastChoices = withChoices.choices!;
    return replies;
  };
  const harness: Harness = {
    core,
    clock,
    say,
    async ask(text, extra) {
      const [first] = await say(text, extra);
      return first ? [first.title, first.text, ...(first.items ?? [])].filter(Boolean).join('\n') : '';
    },
    async press(label) {
      const choice = lastChoices.find((c) => c.label === label);
      if (!choice) throw new Error(`no button “${label}” among ${lastChoices.map((c) => c.label).join(', ')}`);
      return say('', { button: { value: choice.value } });
    },
    async restart() {
      await core.close();
      core = await createCore(config, { clock, extra: { parse: parser() } });
      harness.core = core;
    },
    async close() {
      await core.close();
      await db.drop();
    },
  };
  return harness;
}
