import type { Message, MessageEntity, Update, User } from './types.ts';
import type { InboundMessage } from '../../src/core/message.ts';

/** Who the bot is, from getMe. */
export interface BotIdentity {
  id: number;
  username: string;
}

/**
 * Turns a Telegram update into the inbound message, or null when it is not for the bot: other
 * bots, edits, channel posts, group messages that neither mention nor answer the bot.
 * `decodeButton` maps callback_data back to the choice value.
 */
export function toInbound(update: Update, bot: BotIdentity, decodeButton: (data: string) => string, now: () => Date): InboundMessage | null {
  if (update.callback_query) {
    const q = update.callback_query;
    if (q.data === undefined || !q.message || q.from.is_bot) return null;
    return {
      platform: 'telegram',
      chatId: String(q.message.chat.id),
      direct: q.message.chat.type === 'private',
      userId: String(q.from.id),
      userName: displayName(q.from),
      text: '',
      threadId: topicOf(q.message),
      replyToId: String(q.message.message_id),
      eventId: String(update.update_id),
      button: { value: decodeButton(q.data) },
      receivedAt: now(),
      raw: update,
    };
  }
  const m = update.message;
  if (!m?.from || m.from.is_bot) return null;
  const text = m.text ?? m.caption;
  if (text === undefined) return null;
  const entities = m.entities ?? m.caption_entities ?? [];
  const isPrivate = m.chat.type === 'private';
  const command = leadingCommand(text, entities);
  const addressed = isPrivate
    || entities.some((e) => mentionsBot(text, e, bot))
    || m.reply_to_message?.from?.id === bot.id
    || (command !== null && (command.target === undefined || sameName(command.target, bot.username)));
  if (!addressed || (command?.target !== undefined && !sameName(command.target, bot.username))) return null;
  return {
    platform: 'telegram',
    chatId: String(m.chat.id),
    direct: isPrivate,
    userId: String(m.from.id),
    userName: displayName(m.from),
    text: commandAsText(command, stripMentions(text, entities, bot)),
    threadId: topicOf(m),
    replyToId: m.reply_to_message ? String(m.reply_to_message.message_id) : undefined,
    eventId: String(update.update_id),
    receivedAt: new Date(m.date * 1000),
    raw: update,
  };
}

/** Forum topics are threads; a reply elsewhere goes to the chat itself. */
function topicOf(m: Pick<Message, 'is_topic_message' | 'message_thread_id'>): string | undefined {
  return m.is_topic_message && m.message_thread_id !== undefined ? String(m.message_thread_id) : undefined;
}

function displayName(u: User): string {
  return [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username || String(u.id);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function mentionsBot(text: string, e: MessageEntity, bot: BotIdentity): boolean {
  if (e.type === 'text_mention') return e.user.id === bot.id;
  return e.type === 'mention' && sameName(text.slice(e.offset + 1, e.offset + e.length), bot.username);
}

/** Removes the bot's mentions (and a comma or colon right after one); entity offsets are UTF-16 units, as JS strings. */
function stripMentions(text: string, entities: MessageEntity[], bot: BotIdentity): string {
  let out = text;
  const ours = entities.filter((e) => mentionsBot(text, e, bot)).sort((a, b) => b.offset - a.offset);
  for (const e of ours) out = out.slice(0, e.offset) + out.slice(e.offset + e.length).replace(/^[,:]/, '');
  return out.replace(/[ \t]+/g, ' ').trim();
}

interface Command {
  name: string;
  /** The bot a group command names ("/help@crm_bot"). */
  target?: string;
  /** Characters the command takes at the start of the text. */
  length: number;
}

function leadingCommand(text: string, entities: MessageEntity[]): Command | null {
  const e = entities.find((x) => x.type === 'bot_command' && x.offset === 0);
  if (!e) return null;
  const [name = '', target] = text.slice(1, e.length).split('@');
  return { name: name.toLowerCase(), target, length: e.length };
}

/**
 * Telegram's commands as the product's words: "/start <code>" stays (invite links), a bare
 * /start or /crm asks for help, "/crm <text>" is the text, and "/summary Acme" reads "summary Acme".
 */
function commandAsText(command: Command | null, stripped: string): string {
  if (!command) return stripped;
  const rest = stripped.slice(command.length).trim();
  if (command.name === 'start') return rest ? `/start ${rest}` : 'help';
  if (command.name === 'crm') return rest || 'help';
  return `${command.name.replace(/_/g, ' ')} ${rest}`.trim();
}
