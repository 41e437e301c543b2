import type { InboundMessage } from '../../src/core/message.ts';
import { slackTextToPlain } from './text.ts';
import { encodeThread } from './thread.ts';

/** The fields of a Slack `message` / `app_mention` event this adapter reads. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
}

/** The fields of a slash command body this adapter reads. */
export interface SlackCommandBody {
  command: string;
  text?: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  response_url?: string;
  trigger_id?: string;
}

/** The fields of a block_actions body this adapter reads. */
export interface SlackActionBody {
  trigger_id?: string;
  user?: { id: string; name?: string; username?: string };
  channel?: { id: string };
  container?: { channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
  /** The pressed message as posted (absent for an ephemeral one). */
  message?: { ts?: string; thread_ts?: string; text?: string; blocks?: { type: string }[] };
  response_url?: string;
  actions?: { action_id?: string; value?: string; action_ts?: string }[];
}

/** Slack's ids of direct-message conversations start with D (channels C, private groups G). */
function isDirectChannel(channelId: string): boolean {
  return channelId.startsWith('D');
}

/** Message subtypes that are still a person writing to the bot. */
const READABLE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/**
 * A DM or a mention as an InboundMessage, or null for events that are not someone talking to
 * the bot (edits, joins, other bots, channel chatter a `message.channels` subscription sends).
 */
export function fromMessageEvent(event: SlackMessageEvent, eventId: string | undefined, botUserId: string, receivedAt: Date): InboundMessage | null {
  if (!event.user || !event.channel || event.bot_id || !READABLE_SUBTYPES.has(event.subtype)) return null;
  const isMention = event.type === 'app_mention';
  if (!isMention && event.channel_type !== 'im') return null;
  // In a channel the answer goes into a thread under the mention, so the channel stays readable.
  const thread = event.thread_ts ?? (isMention && event.channel_type !== 'im' ? event.ts : undefined);
  return {
    platform: 'slack',
    chatId: event.channel,
    direct: event.channel_type === 'im',
    userId: event.user,
    text: slackTextToPlain(event.text ?? '', botUserId),
    threadId: thread ? encodeThread({ ts: thread }) : undefined,
    replyToId: event.ts,
    eventId,
    receivedAt,
    raw: event,
  };
}

/** A `/crm …` slash command; the answer goes back through its response_url, visible only to its author. */
export function fromSlashCommand(body: SlackCommandBody, receivedAt: Date): InboundMessage {
  const text = slackTextToPlain(body.text ?? '');
  return {
    platform: 'slack',
    chatId: body.channel_id,
    direct: isDirectChannel(body.channel_id),
    userId: body.user_id,
    userName: body.user_name,
    // A bare "/crm" is how Slack users ask a command what it does.
    text: text || 'help',
    threadId: body.response_url ? encodeThread({ responseUrl: body.response_url }) : undefined,
    eventId: body.trigger_id ? `command:${body.trigger_id}` : undefined,
    receivedAt,
    raw: body,
  };
}

/** A button press as an InboundMessage whose `button.value` is the pressed Choice's value. */
export function fromBlockAction(body: SlackActionBody, receivedAt: Date): InboundMessage | null {
  const action = body.actions?.[0];
  const chatId = body.channel?.id ?? body.container?.channel_id;
  if (!action?.value || !body.user?.id || !chatId) return null;
  const thread = body.message?.thread_ts ?? body.container?.thread_ts;
  // An ephemeral message (the answer to a slash command) can only be answered through its response_url.
  const threadId = body.container?.is_ephemeral && body.response_url
    ? encodeThread({ responseUrl: body.response_url })
    : thread ? encodeThread({ ts: thread }) : undefined;
  const pressId = body.trigger_id ?? action.action_ts;
  return {
    platform: 'slack',
    chatId,
    direct: isDirectChannel(chatId),
    userId: body.user.id,
    userName: body.user.name ?? body.user.username,
    text: '',
    threadId,
    replyToId: body.container?.message_ts ?? body.message?.ts,
    eventId: pressId ? `action:${pressId}` : undefined,
    button: { value: action.value },
    receivedAt,
    raw: body,
  };
}
