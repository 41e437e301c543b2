import type { ButtonInteraction, ChatInputCommandInteraction, Message } from 'discord.js';
import type { InboundMessage } from '../../src/core/message.ts';
import { encodeThreadId } from './targets.ts';

/** Who the bot is on Discord, learnt from READY. */
export interface BotIdentity {
  userId: string;
  /** The role Discord created for the bot in a guild; users often @-mention it instead of the bot. */
  roleIdIn(guildId: string): string | undefined;
}

/** The chat a message belongs to: the parent channel for a thread (the thread travels in threadId). */
function chatOf(channel: { id: string; isThread(): boolean; parentId?: string | null } | null, channelId: string) {
  if (channel?.isThread()) return { chatId: channel.parentId ?? channelId, threadChannelId: channelId };
  return { chatId: channelId, threadChannelId: undefined };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes the bot's own mention (user or managed role) and the punctuation that followed it. */
export function stripBotMention(content: string, botUserId: string, botRoleId?: string): string {
  const ids = [`<@!?${escapeRegExp(botUserId)}>`, ...(botRoleId ? [`<@&${escapeRegExp(botRoleId)}>`] : [])];
  return content
    .replace(new RegExp(`[ \\t]*(?:${ids.join('|')})[ \\t]*[,:]?`, 'g'), ' ')
    .trim();
}

/**
 * A gateway message as an InboundMessage, or null when it is not for the bot: bots and system
 * messages are ignored; in a guild only messages that mention the bot count; a DM always does.
 */
export function fromMessage(message: Message, bot: BotIdentity): InboundMessage | null {
  if (message.author.bot || message.system || message.webhookId) return null;
  const inGuild = message.inGuild();
  const roleId = inGuild ? bot.roleIdIn(message.guildId) : undefined;
  if (inGuild && !message.mentions.users.has(bot.userId) && !(roleId && message.mentions.roles.has(roleId))) return null;
  const { chatId, threadChannelId } = chatOf(message.channel, message.channelId);
  return {
    platform: 'discord',
    chatId,
    direct: !inGuild,
    userId: message.author.id,
    userName: message.member?.displayName ?? message.author.globalName ?? message.author.username,
    text: stripBotMention(message.content, bot.userId, roleId),
    threadId: encodeThreadId({ threadChannelId }),
    replyToId: message.reference?.messageId ?? undefined,
    eventId: message.id,
    receivedAt: message.createdAt,
    raw: message,
  };
}

/** A `/crm text:…` command or a button press as an InboundMessage; `buttonValue` is the pressed Choice's value. */
export function fromInteraction(interaction: ChatInputCommandInteraction | ButtonInteraction, buttonValue?: string): InboundMessage {
  const { chatId, threadChannelId } = chatOf(interaction.channel, interaction.channelId);
  const user = interaction.user;
  return {
    platform: 'discord',
    chatId,
    direct: !interaction.inGuild(),
    userId: user.id,
    userName: user.globalName ?? user.username,
    text: interaction.isChatInputCommand() ? (interaction.options.getString('text') ?? '').trim() : '',
    threadId: encodeThreadId({ threadChannelId, interactionId: interaction.id }),
    replyToId: interaction.isButton() ? interaction.message.id : undefined,
    eventId: interaction.id,
    ...(buttonValue !== undefined ? { button: { value: buttonValue } } : {}),
    receivedAt: interaction.createdAt,
    raw: interaction,
  };
}
