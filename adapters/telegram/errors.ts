import { GrammyError, HttpError } from 'grammy';
import { ChannelError } from '../../src/core/channel.ts';

/** Wait used when Telegram answers 429 without saying how long, in ms. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** The retry-after of a 429, in ms, when the error is one. */
export function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof GrammyError) || error.error_code !== 429) return undefined;
  const seconds = error.parameters.retry_after;
  return typeof seconds === 'number' ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS;
}

/** Classifies a failed Bot API call for the outbox: 429 waits, 5xx and network retry, the rest is final. */
export function toChannelError(error: unknown, method: string): ChannelError {
  if (error instanceof GrammyError) {
    const what = `Telegram ${method} failed (${error.error_code}: ${error.description})`;
    if (error.error_code === 429) return new ChannelError(what, 'rate_limited', retryAfterMs(error));
    return new ChannelError(what, error.error_code >= 500 ? 'unavailable' : 'rejected');
  }
  if (error instanceof HttpError) return new ChannelError(`Telegram ${method} failed: the Bot API could not be reached`, 'unavailable');
  return new ChannelError(`Telegram ${method} failed: ${error instanceof Error ? error.message : String(error)}`, 'unavailable');
}

/** One clear line for a failure while starting, saying what to fix; never the token. */
export function startFailure(error: unknown, step: 'getMe' | 'deleteWebhook' | 'setWebhook', context: { apiRoot: string; webhookUrl?: string }): Error {
  if (error instanceof HttpError) {
    return new Error(`The Telegram Bot API at ${context.apiRoot} could not be reached: check the network, or TELEGRAM_API_ROOT if you set it.`);
  }
  if (!(error instanceof GrammyError)) return new Error(`Telegram could not start: ${error instanceof Error ? error.message : String(error)}`);
  const said = `${error.error_code}: ${error.description}`;
  if (step === 'getMe' && (error.error_code === 401 || error.error_code === 404)) {
    return new Error(`TELEGRAM_BOT_TOKEN was rejected by Telegram (${said}): check the token in .env (BotFather shows it with /token).`);
  }
  if (step === 'setWebhook') {
    return new Error(`Telegram refused the webhook ${context.webhookUrl} (${said}): PUBLIC_URL must be a public https URL that reaches this server (ports 443, 80, 88 or 8443).`);
  }
  if (step === 'deleteWebhook') return new Error(`Telegram refused to switch the bot to long polling (${said}).`);
  return new Error(`Telegram answered ${said} while starting: check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT.`);
}
