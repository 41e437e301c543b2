import { DiscordAPIError, DiscordjsError, HTTPError, RateLimitError } from 'discord.js';
import { ChannelError } from '../../src/core/channel.ts';

const TOKEN_REJECTED = 'DISCORD_BOT_TOKEN was rejected by Discord (401 Unauthorized): check the token in .env (Developer Portal → your application → Bot → Reset Token)';
/** The REST client forgets a token Discord answered 401 to, then throws this on every call. */
const TOKEN_CLEARED = /Expected token to be set/;

/** One line, no URL (webhook and interaction URLs carry tokens). */
function oneLine(text: string): string {
  return text.replace(/https?:\/\/\S+/g, '<url>').replace(/\s*\n\s*/g, '; ').slice(0, 300);
}

function networkCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Classifies a failed send for the outbox: a 429 (or the SDK's own limiter) is rate_limited with
 * Discord's retry-after, 5xx and network failures are unavailable, other refusals are rejected.
 */
export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof RateLimitError) {
    const retryAfterMs = Math.max(0, Math.ceil(error.retryAfter > 0 ? error.retryAfter : error.timeToReset));
    return new ChannelError(`Discord rate limit${error.global ? ' (global)' : ''}: retry after ${retryAfterMs} ms`, 'rate_limited', retryAfterMs);
  }
  if (error instanceof HTTPError) return new ChannelError(`Discord is unavailable (HTTP ${error.status})`, 'unavailable');
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return new ChannelError(TOKEN_REJECTED, 'rejected');
    if (error.status >= 500) return new ChannelError(`Discord is unavailable (HTTP ${error.status})`, 'unavailable');
    return new ChannelError(`Discord refused the message (HTTP ${error.status}, code ${error.code}): ${oneLine(error.message)}`, 'rejected');
  }
  if (error instanceof Error && TOKEN_CLEARED.test(error.message)) return new ChannelError(TOKEN_REJECTED, 'rejected');
  if (error instanceof Error && error.name === 'AbortError') return new ChannelError('Discord did not answer in time', 'unavailable');
  const code = networkCode(error);
  if (code) return new ChannelError(`Cannot reach Discord (${code})`, 'unavailable');
  return new ChannelError(`Discord send failed: ${oneLine(error instanceof Error ? error.message : String(error))}`, 'unavailable');
}

/** True when Discord no longer knows an interaction or its token (older than 15 min, or never acknowledged). */
export function isExpiredInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && (error.code === 10062 || error.code === 10015 || error.code === 50027);
}

/** A start-up failure as one line that says what to fix; never the token, never a stack. */
export function startError(error: unknown, apiUrl: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const tokenRefused = (error instanceof DiscordjsError && error.code === 'TokenInvalid') || (error instanceof DiscordAPIError && error.status === 401);
  if (tokenRefused || /Authentication failed/.test(message) || TOKEN_CLEARED.test(message)) {
    return new Error(TOKEN_REJECTED);
  }
  if ((error instanceof DiscordjsError && error.code === 'DisallowedIntents') || /disallowed intents/i.test(message)) {
    return new Error('Discord refused the Message Content intent: enable “Message Content Intent” in the Developer Portal → your application → Bot → Privileged Gateway Intents');
  }
  if (error instanceof HTTPError || (error instanceof DiscordAPIError && error.status >= 500)) {
    return new Error(`Discord is unavailable right now (HTTP ${(error as HTTPError).status}): try again in a minute`);
  }
  if (error instanceof DiscordAPIError) return new Error(`Discord refused the connection (HTTP ${error.status}): ${oneLine(error.message)}`);
  const code = networkCode(error);
  if (code || (error instanceof Error && error.name === 'AbortError')) {
    return new Error(`Cannot reach Discord at ${apiUrl} (${code ?? 'timeout'}): check the network${apiUrl === DEFAULT_API_URL ? '' : ' and DISCORD_API_URL'}`);
  }
  return new Error(`Discord login failed: ${oneLine(message)}`);
}

/** Discord's public REST base (no version, no trailing slash). */
export const DEFAULT_API_URL = 'https://discord.com/api';
