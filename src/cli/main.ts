import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseConfigError } from '../storage/database.ts';
import { runDoctor } from './doctor.ts';
import { runMigrate } from './migrate.ts';
import { runStart } from './start.ts';

const USAGE = `Usage: crm <command>
  start                 start the bot (console chat when no platform is configured)
  migrate               apply database migrations
  doctor                check the database and each chat platform's configuration
  parse [options] --json "<message>"   show how a message is understood (see README)
  analytics fit <purchases.csv> [--until YYYY-MM-DD] [--unit days|weeks]`;

/** Standard streams as the subcommands want them. */
export const io = {
  out: (s: string) => void process.stdout.write(`${s}\n`),
  err: (s: string) => void process.stderr.write(`${s}\n`),
};

async function* stdinLines(): AsyncIterable<string> {
  const { createInterface } = await import('node:readline');
  yield* createInterface({ input: process.stdin, terminal: false });
}

async function main(argv: string[]): Promise<number> {
  // .env is read once, here; no library reads it behind our back.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const [command = 'start', ...args] = argv;
  switch (command) {
    case 'start':
      return runStart(loadConfig(), io);
    case 'migrate':
      return runMigrate(loadConfig(), io);
    case 'doctor':
      return runDoctor(loadConfig(), io);
    case 'parse': {
      const { runParseCommand } = await import('./parse-command.ts');
      return runParseCommand(args, { ...io, stdin: stdinLines() });
    }
    case 'analytics': {
      const { runAnalyticsCommand } = await import('./analytics-command.ts');
      return runAnalyticsCommand(args, io);
    }
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return 0;
    default:
      io.err(`Unknown command “${command}”.\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    // Expected failures get one line; anything else too, but with a hint where to look.
    if (error instanceof ConfigError || error instanceof DatabaseConfigError) io.err(error.message);
    else io.err(`crm: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
