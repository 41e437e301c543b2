import { DiscordAdapter, type DiscordChannelDeps, type DiscordChannelOptions } from './discord-adapter.ts';

export { DiscordAdapter, type DiscordChannelDeps, type DiscordChannelOptions } from './discord-adapter.ts';
export { CRM_COMMAND, registerCrmCommand, type RegisterOptions } from './commands.ts';
export { renderReply, messageText, DISCORD_LIMITS, type DiscordMessage, type DiscordMessageBody } from './render.ts';

/** The Discord channel: gateway in, REST out. Start it with the runtime; it needs no HTTP route. */
export function createDiscordChannel(options: DiscordChannelOptions, deps: DiscordChannelDeps = {}): DiscordAdapter {
  return new DiscordAdapter(options, deps);
}
