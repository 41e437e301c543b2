import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Channel, InboundHandler } from '../../src/core/channel.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import { replyToPlainText, type Reply } from '../../src/core/reply.ts';

/** Options of the terminal channel. */
export interface ConsoleChannelOptions {
  input: Readable;
  output: Writable;
  /** Interactive prompt (a terminal) or one message per line (a pipe). */
  interactive: boolean;
  /** Where pictures and exported files are saved. */
  filesDir: string;
  now: () => Date;
}

const CHAT_ID = 'console';
const USER_ID = 'operator';

/** The terminal as a chat: choices are numbered and answered with their number. */
export class ConsoleChannel implements Channel {
  readonly platform = 'console';
  private lastChoices: { value: string }[] = [];
  private done: Promise<void> = Promise.resolve();
  private closeInput: (() => void) | null = null;

  constructor(private readonly options: ConsoleChannelOptions) {}

  /** Resolves when input ends (piped input) or the user quits. */
  get finished(): Promise<void> {
    return this.done;
  }

  async start(onMessage: InboundHandler): Promise<void> {
    const { input, output, interactive } = this.options;
    const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
    this.closeInput = () => rl.close();
    if (interactive) {
      output.write('Chat CRM. Type “help” for examples, “quit” to leave.\n');
      rl.setPrompt('you> ');
      rl.prompt();
    }
    this.done = (async () => {
      for await (const line of rl) {
        if (interactive && /^\s*(quit|exit)\s*$/i.test(line)) break;
        await onMessage(this.toMessage(line));
        if (interactive) rl.prompt();
      }
      rl.close();
    })();
  }

  async stop(): Promise<void> {
    this.closeInput?.();
  }

  async send(_target: { chatId: string }, reply: Reply): Promise<void> {
    this.lastChoices = reply.choices ?? [];
    const lines = [replyToPlainText(reply, true)];
    if (reply.image) lines.push(`  (chart saved to ${this.save(`${reply.image.alt}.png`, reply.image.png)})`);
    if (reply.file) lines.push(`  (file saved to ${this.save(reply.file.name, reply.file.data)})`);
    this.options.output.write(`${lines.join('\n')}\n`);
  }

  private save(name: string, data: Uint8Array): string {
    mkdirSync(this.options.filesDir, { recursive: true });
    const path = resolve(join(this.options.filesDir, name.replace(/[^\w.-]+/g, '-')));
    writeFileSync(path, data);
    return path;
  }

  /** A bare number answers the last numbered choices, like pressing that button. */
  private toMessage(line: string): InboundMessage {
    const n = /^\s*(\d{1,2})\s*$/.exec(line)?.[1];
    const choice = n ? this.lastChoices[Number(n) - 1] : undefined;
    return {
      platform: 'console', chatId: CHAT_ID, userId: USER_ID, text: line, receivedAt: this.options.now(),
      ...(choice ? { button: { value: choice.value } } : {}),
    };
  }
}
