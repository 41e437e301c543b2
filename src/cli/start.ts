import { createCore, createLogger, runConsole } from '../app.ts';
import { platformStatus, type Config } from '../config.ts';

/** `crm start` (and `npm start`): every configured platform, plus the console when it is wanted. */
export async function runStart(config: Config, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const configured = platformStatus(config).filter((p) => p.configured);
  const interactive = Boolean(process.stdin.isTTY);
  const consoleOnly = configured.length === 0;
  // In the terminal chat, routine logs would drown the conversation.
  const level = consoleOnly && !process.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL;
  const log = createLogger(level);
  const core = await createCore(config, { log });
  try {
    if (consoleOnly || interactive) await runConsole(core, { input: process.stdin, output: process.stdout, interactive });
    else io.err('Platform adapters are not available yet in this build.');
    return 0;
  } finally {
    await core.close();
  }
}
