import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CRM_COMMAND, registerCrmCommand } from '../adapters/discord/index.ts';
import { ConfigError, loadConfig, type Config } from '../src/config.ts';

/**
 * Registers (or updates) the global `/crm` slash command for DISCORD_APPLICATION_ID with
 * DISCORD_BOT_TOKEN, through DISCORD_API_URL when set. Returns the process exit code.
 */
export async function registerDiscordCommands(config: Config, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const missing = [!config.DISCORD_BOT_TOKEN && 'DISCORD_BOT_TOKEN', !config.DISCORD_APPLICATION_ID && 'DISCORD_APPLICATION_ID'].filter(Boolean);
  if (missing.length) {
    io.err(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: set ${missing.length > 1 ? 'them' : 'it'} in .env (see the README, “Discord”)`);
    return 2;
  }
  try {
    const command = await registerCrmCommand({ botToken: config.DISCORD_BOT_TOKEN!, applicationId: config.DISCORD_APPLICATION_ID!, apiUrl: config.DISCORD_API_URL });
    io.out(`Registered /${command.name} (command id ${command.id}) for application ${config.DISCORD_APPLICATION_ID}. Try “/${CRM_COMMAND.name} text: help” in your server or in a DM with the bot.`);
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Like `crm`, .env is read here once; the adapter never reads the environment.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const io = { out: (s: string) => void process.stdout.write(`${s}\n`), err: (s: string) => void process.stderr.write(`${s}\n`) };
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    io.err(error instanceof ConfigError ? error.message : String(error));
    process.exit(2);
  }
  process.exitCode = await registerDiscordCommands(config, io);
}
