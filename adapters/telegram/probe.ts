import { Api } from 'grammy';
import { startFailure } from './errors.ts';
import { DEFAULT_API_ROOT, type TelegramChannelOptions } from './telegram-channel.ts';

/** What `crm doctor` shows for Telegram. */
export interface TelegramProbe {
  ok: boolean;
  /** "@crm_bot answers (long polling)", or the one-line reason it does not. */
  detail: string;
}

/** Asks Telegram who the bot is (getMe, no retries), without starting anything. */
export async function probeTelegram(options: TelegramChannelOptions): Promise<TelegramProbe> {
  const apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
  const api = new Api(options.token, { apiRoot, timeoutSeconds: options.requestTimeoutSeconds ?? 10 });
  try {
    const me = await api.getMe();
    return { ok: true, detail: `@${me.username} answers (${options.webhookSecret && options.publicUrl ? 'webhook' : 'long polling'})` };
  } catch (error) {
    return { ok: false, detail: startFailure(error, 'getMe', { apiRoot }).message };
  }
}
