/**
 * Where in a conversation a reply goes: a thread (its parent's `ts`) or a slash command's
 * response_url (ephemeral answers, which work even where the bot is not a channel member).
 */
export type SlackThread = { ts: string } | { responseUrl: string };

const RESPONSE_URL_PREFIX = 'url:';

/** Encodes a SlackThread into the opaque thread id the core stores with outgoing messages. */
export function encodeThread(thread: SlackThread): string {
  return 'ts' in thread ? thread.ts : `${RESPONSE_URL_PREFIX}${thread.responseUrl}`;
}

/** Decodes a thread id made by encodeThread; undefined means the channel itself. */
export function decodeThread(threadId: string | undefined): SlackThread | undefined {
  if (!threadId) return undefined;
  return threadId.startsWith(RESPONSE_URL_PREFIX) ? { responseUrl: threadId.slice(RESPONSE_URL_PREFIX.length) } : { ts: threadId };
}
