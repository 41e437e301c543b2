import { createHash } from 'node:crypto';
import { MessageFlags, Routes, type REST } from 'discord.js';
import type { Target } from '../../src/core/channel.ts';
import type { Reply } from '../../src/core/reply.ts';
import { isExpiredInteraction, toChannelError } from './errors.ts';
import { createLimiter } from './limiter.ts';
import type { InteractionRegistry } from './interactions.ts';
import { renderReply, type DiscordMessage } from './render.ts';
import { decodeTarget } from './targets.ts';

/** Replies split over several messages whose later part failed, remembered so a retry does not repeat the sent parts. */
const MAX_PARTIAL_REPLIES = 1_000;

/** Sends one Reply to Discord; throws ChannelError. */
export type DiscordSend = (target: Target, reply: Reply) => Promise<void>;

/**
 * Builds `send`: a reply to a slash command replaces its "thinking…" message and follows up,
 * a reply to a button press follows up, anything else (or an expired interaction) is posted in
 * the channel or thread. Every call goes through the REST client, whose own retries are off.
 */
export function createSender(deps: { rest: REST; interactions: InteractionRegistry; customId: (value: string) => string; maxConcurrentRequests: number }): DiscordSend {
  const partial = new Map<string, number>();
  const limit = createLimiter(deps.maxConcurrentRequests);

  async function viaInteraction(interactionId: string, m: DiscordMessage): Promise<boolean> {
    const ix = deps.interactions.get(interactionId);
    if (!ix || !(await ix.acknowledged)) return false;
    const files = m.files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType }));
    try {
      if (ix.kind === 'reply' && !ix.originalUsed) {
        // The deferred message already is (or is not) ephemeral; an edit cannot change that.
        await deps.rest.patch(Routes.webhookMessage(ix.applicationId, ix.token, '@original'), { body: m.body, files, auth: false });
        ix.originalUsed = true;
      } else {
        const body = ix.ephemeral ? { ...m.body, flags: MessageFlags.Ephemeral } : m.body;
        await deps.rest.post(Routes.webhook(ix.applicationId, ix.token), { body, files, auth: false });
      }
      return true;
    } catch (error) {
      if (!isExpiredInteraction(error)) throw error;
      deps.interactions.delete(interactionId);
      return false;
    }
  }

  async function sendOne(channelId: string, interactionId: string | undefined, m: DiscordMessage): Promise<void> {
    if (interactionId && (await viaInteraction(interactionId, m))) return;
    await deps.rest.post(Routes.channelMessages(channelId), {
      body: m.body, files: m.files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })),
    });
  }

  return async (target, reply) => {
    const messages = renderReply(reply, deps.customId);
    const { channelId, interactionId } = decodeTarget(target);
    const key = messages.length > 1 ? partKey(target, reply) : undefined;
    let done = key ? (partial.get(key) ?? 0) : 0;
    try {
      for (; done < messages.length; done += 1) await limit(() => sendOne(channelId, interactionId, messages[done]!));
      if (key) partial.delete(key);
    } catch (error) {
      if (key && done > 0) {
        if (partial.size >= MAX_PARTIAL_REPLIES) partial.delete(partial.keys().next().value!);
        partial.set(key, done);
      }
      throw toChannelError(error);
    }
  };
}

function partKey(target: Target, reply: Reply): string {
  const bytes = (_: string, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v);
  return createHash('sha256').update(JSON.stringify([target.chatId, target.threadId ?? '', reply], bytes)).digest('base64url');
}
