import type { Config } from '../../src/config.ts';
import { TelegramAdapter, type TelegramChannelDeps, type TelegramChannelOptions } from './telegram-channel.ts';

export { probeTelegram, type TelegramProbe } from './probe.ts';
export { DEFAULT_API_ROOT, TELEGRAM_WEBHOOK_PATH, TelegramAdapter, type TelegramChannelDeps, type TelegramChannelOptions } from './telegram-channel.ts';

/** Builds the Telegram channel (long polling, or webhook when the secret and PUBLIC_URL are set). */
export function createTelegramChannel(options: TelegramChannelOptions, deps: TelegramChannelDeps = {}): TelegramAdapter {
  return new TelegramAdapter(options, deps);
}

/** The channel's options from the configuration; undefined when TELEGRAM_BOT_TOKEN is not set. */
export function telegramOptionsFromConfig(config: Config): TelegramChannelOptions | undefined {
  if (!config.TELEGRAM_BOT_TOKEN) return undefined;
  return {
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
    publicUrl: config.PUBLIC_URL,
  };
}
