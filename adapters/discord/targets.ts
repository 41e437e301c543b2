import type { Target } from '../../src/core/channel.ts';

/**
 * Where an inbound message came from, as Discord needs it to answer: the thread channel it was
 * written in and, for a slash command or button press, the interaction whose token replies use.
 */
export interface DiscordOrigin {
  /** The thread's own channel id, when the message was written in a thread. */
  threadChannelId?: string;
  /** The interaction (slash command or button press) the message came from. */
  interactionId?: string;
}

const INTERACTION = /^i:(\d+)(?::(\d+))?$/;

/** Encodes an origin as the opaque `threadId` the core stores with a reply. */
export function encodeThreadId(origin: DiscordOrigin): string | undefined {
  if (origin.interactionId) return `i:${origin.interactionId}${origin.threadChannelId ? `:${origin.threadChannelId}` : ''}`;
  return origin.threadChannelId;
}

/** Decodes a reply target: the channel to post in (thread or chat) and the interaction, if any. */
export function decodeTarget(target: Target): { channelId: string; interactionId?: string } {
  const m = target.threadId ? INTERACTION.exec(target.threadId) : null;
  if (m) return { channelId: m[2] ?? target.chatId, interactionId: m[1] };
  return { channelId: target.threadId || target.chatId };
}
