import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, DiscordAPIError, InteractionContextType, REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { DEFAULT_API_URL, startError } from './errors.ts';

/** The slash command's name: `/crm text:<message>`. */
export const CRM_COMMAND_NAME = 'crm';

/** The `/crm` command as Discord registers it: one required text option, usable in servers and in the bot's DMs. */
export const CRM_COMMAND: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  name: CRM_COMMAND_NAME,
  description: 'Talk to your CRM, e.g. /crm text: log call with Acme: discussed pricing',
  type: ApplicationCommandType.ChatInput,
  options: [{ type: ApplicationCommandOptionType.String, name: 'text', description: 'What you would write to the bot', required: true, max_length: 2_000 }],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};

/** What registering needs: DISCORD_BOT_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_URL. */
export interface RegisterOptions {
  botToken: string;
  applicationId: string;
  /** REST base without version or trailing slash. Default https://discord.com/api. */
  apiUrl?: string;
  /** Per-request timeout, ms. Default 10 000. */
  requestTimeoutMs?: number;
}

/** REST base as @discordjs/rest wants it: no trailing slash, no version (it appends /v10 itself). */
export function normaliseApiUrl(apiUrl: string | undefined): string {
  return (apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * Creates or updates the global `/crm` command (other commands of the application are left
 * alone). Throws an Error whose message is one line saying what to fix.
 */
export async function registerCrmCommand(options: RegisterOptions): Promise<{ id: string; name: string }> {
  const api = normaliseApiUrl(options.apiUrl);
  const rest = new REST({ api, retries: 0, timeout: options.requestTimeoutMs ?? 10_000 }).setToken(options.botToken);
  try {
    const created = (await rest.post(Routes.applicationCommands(options.applicationId), { body: CRM_COMMAND })) as { id: string; name: string };
    return { id: created.id, name: created.name };
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404 || error.code === 10002 || error.code === 50035)) {
      throw new Error(`Discord refused to register /crm for DISCORD_APPLICATION_ID ${options.applicationId} (HTTP ${error.status}): use the Application ID of the bot whose token is in DISCORD_BOT_TOKEN (Developer Portal → General Information)`);
    }
    throw startError(error, api);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
