import { webApi } from '@slack/bolt';
import { ChannelError } from '../../src/core/channel.ts';

/** Slack Web API errors (`ok: false`) that mean "try again later", not "this will never work". */
const TRANSIENT_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);
/** Errors that mean the token itself is wrong. */
const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type', 'missing_scope']);
/** Used when Slack rate-limits without saying for how long. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** Thrown by `start()` when Slack cannot be used; its message is one line that says what to fix. */
export class SlackStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackStartError';
  }
}

function code(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Maps a failed Web API call to the outbox's retry kinds (429 → wait, 5xx/network → back off, else give up). */
export function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  switch (code(error)) {
    case webApi.ErrorCode.RateLimitedError: {
      const seconds = (error as webApi.WebAPIRateLimitedError).retryAfter;
      return new ChannelError(`Slack rate limit: retry after ${seconds} s`, 'rate_limited', seconds * 1000);
    }
    case webApi.ErrorCode.PlatformError: {
      const reason = (error as webApi.WebAPIPlatformError).data.error;
      if (reason === 'ratelimited') return new ChannelError('Slack rate limit (ratelimited)', 'rate_limited', DEFAULT_RETRY_AFTER_MS);
      return new ChannelError(`Slack refused the message (${reason})`, TRANSIENT_PLATFORM_ERRORS.has(reason) ? 'unavailable' : 'rejected');
    }
    case webApi.ErrorCode.HTTPError: {
      const status = (error as webApi.WebAPIHTTPError).statusCode;
      return new ChannelError(`Slack answered HTTP ${status}`, status >= 500 ? 'unavailable' : 'rejected');
    }
    case webApi.ErrorCode.RequestError:
      return new ChannelError(`Could not reach Slack (${(error as webApi.WebAPIRequestError).original.message})`, 'unavailable');
    default:
      // Timeouts, resets and anything else unexpected: worth another try with backoff.
      return new ChannelError(`Slack call failed (${error instanceof Error ? error.message : String(error)})`, 'unavailable');
  }
}

/** Maps an HTTP status from a response_url post to the outbox's retry kinds. */
export function responseUrlError(status: number, retryAfterHeader: string | null): ChannelError {
  if (status === 429) {
    const seconds = Number(retryAfterHeader);
    return new ChannelError('Slack rate limit on response_url', 'rate_limited', Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS);
  }
  // 404/410: the response_url expired (30 minutes, 5 uses); retrying cannot help.
  return new ChannelError(`Slack answered HTTP ${status} on response_url`, status >= 500 ? 'unavailable' : 'rejected');
}

/** One clear line for a start-up failure; `variable` names the setting the user should check. */
export function toStartError(error: unknown, variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', apiUrl: string): SlackStartError {
  switch (code(error)) {
    case webApi.ErrorCode.PlatformError: {
      const reason = (error as webApi.WebAPIPlatformError).data.error;
      const hint = variable === 'SLACK_APP_TOKEN' ? 'check the app-level token (xapp-…, scope connections:write) in .env' : 'check the token in .env';
      if (AUTH_ERRORS.has(reason)) return new SlackStartError(`${variable} was rejected by Slack (${reason}): ${hint}`);
      return new SlackStartError(`Slack refused to start (${reason}): ${hint}`);
    }
    case webApi.ErrorCode.RequestError:
      return new SlackStartError(`Could not reach Slack at ${apiUrl} (${(error as webApi.WebAPIRequestError).original.message}): check the network or SLACK_API_URL`);
    case webApi.ErrorCode.HTTPError:
      return new SlackStartError(`Slack at ${apiUrl} answered HTTP ${(error as webApi.WebAPIHTTPError).statusCode}: check SLACK_API_URL`);
    default:
      return new SlackStartError(`Slack did not start (${error instanceof Error ? error.message : String(error)})`);
  }
}
