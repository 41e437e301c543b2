import { join } from 'node:path';
import { ConsoleChannel } from '../../adapters/console/console-channel.ts';
import { createDiscordChannel } from '../../adapters/discord/index.ts';
import { createSlackChannel, slackOptionsFromConfig } from '../../adapters/slack/index.ts';
import { createTelegramChannel, telegramOptionsFromConfig, type TelegramAdapter } from '../../adapters/telegram/index.ts';
import { createCore, createLogger, type Core } from '../app.ts';
import { operatorIds, platformStatus, type Config } from '../config.ts';
import type { Channel } from '../core/channel.ts';
import type { Logger } from '../core/engine/types.ts';
import { loadWordLists } from '../nlu/index.ts';
import { startRuntime, type Runtime } from '../runtime.ts';
import { operatorAccounts } from '../scheduler/targets.ts';
import { createScheduler } from '../scheduler/scheduler.ts';
import { createSurveyAnswerHook } from '../scheduler/survey-answer.ts';
import { createDeliveryFailureAlert } from '../scheduler/delivery-failure.ts';
import { createPrismaSchedulerStore } from '../storage/prisma-scheduler-store.ts';

/** The platform channels the configuration asks for (nothing is contacted yet). */
function platformChannels(config: Config, log: Logger): { channels: Channel[]; telegram?: TelegramAdapter } {
  const channels: Channel[] = [];
  const slack = slackOptionsFromConfig(config);
  if (slack) channels.push(createSlackChannel(slack, { log }));
  if (config.DISCORD_BOT_TOKEN && config.DISCORD_APPLICATION_ID) {
    channels.push(createDiscordChannel({ botToken: config.DISCORD_BOT_TOKEN, applicationId: config.DISCORD_APPLICATION_ID, apiUrl: config.DISCORD_API_URL }, { log }));
  }
  const telegramOptions = telegramOptionsFromConfig(config);
  const telegram = telegramOptions ? createTelegramChannel(telegramOptions, { log }) : undefined;
  if (telegram) channels.push(telegram);
  return { channels, telegram };
}

/** Slack (xoxb-, xapp-) and Telegram (123456:ABC…) tokens, should an SDK put one in a message. */
const TOKEN_LIKE = /\b(?:xox[a-z]-[\w-]+|xapp-[\w-]+|\d{6,}:[\w-]{30,})/g;

/**
 * A stray promise rejection inside an SDK (a websocket reconnect after a token was revoked, say)
 * would stop the whole bot under Node's default; it is logged instead, without its stack or
 * payload, and the other channels keep working. Returns the uninstaller.
 */
export function keepRunningOnStrayRejections(log: Logger): () => void {
  const onRejection = (reason: unknown) => log.error('unexpected error in the background; the bot keeps running', {
    error: reason instanceof Error ? `${reason.name}: ${reason.message.replace(TOKEN_LIKE, '[secret]').slice(0, 300)}` : typeof reason,
  });
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}

/** Resolves on Ctrl-C or a termination signal. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** `crm start` (and `npm start`): every configured platform, plus the console when it is wanted. */
export async function runStart(config: Config, io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const configured = platformStatus(config).filter((p) => p.configured);
  const interactive = Boolean(process.stdin.isTTY);
  const withConsole = configured.length === 0 || interactive;
  // In the terminal chat, routine logs would drown the conversation.
  const log = createLogger(withConsole && !process.env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL);
  const stopGuard = keepRunningOnStrayRejections(log);
  const { channels, telegram } = platformChannels(config, log);
  const platforms = [...channels.map((c) => c.platform), ...(withConsole ? ['console'] : [])];
  const ids = operatorIds(config);
  const core: Core = await createCore(config, {
    log,
    extra: {
      onSurveyAnswer: createSurveyAnswerHook({ operators: operatorAccounts(ids), platforms }),
      ...(telegram ? { inviteLink: (code: string) => telegram.inviteLink(code) } : {}),
    },
  });
  const consoleChannel = withConsole
    ? new ConsoleChannel({ input: process.stdin, output: process.stdout, interactive, filesDir: join(process.cwd(), 'data', 'files'), now: () => core.deps.clock.now() })
    : undefined;
  // The console answers its own messages directly; this sink lets reminders and alerts reach it too.
  const consoleSink: Channel | undefined = consoleChannel && {
    platform: 'console', start: async () => undefined, stop: async () => undefined, send: (target, reply) => consoleChannel.send(target, reply),
  };
  let runtime: Runtime | undefined;
  const schedulerStore = createPrismaSchedulerStore(core.db, () => core.deps.clock.now());
  const scheduler = createScheduler({
    store: schedulerStore,
    clock: core.deps.clock, operatorIds: ids, platforms, log,
    onQueued: () => void runtime?.delivery.drain().catch(() => undefined),
  });
  try {
    runtime = await startRuntime(core, [...channels, ...(consoleSink ? [consoleSink] : [])], {
      port: config.PORT,
      onFailed: createDeliveryFailureAlert({ store: schedulerStore, operators: operatorAccounts(ids), platforms, now: () => core.deps.clock.now() }),
    });
    for (const p of configured) io.err(`${p.platform}: connected (${p.detail}).`);
    await scheduler.start();
    loadWordLists();
    if (consoleChannel) {
      await consoleChannel.start(async (msg) => {
        for (const r of await core.engine.handle(msg)) await consoleChannel.send({ chatId: msg.chatId }, r);
      });
      await consoleChannel.finished;
      // Piped input: what the last messages queued (reminders due now) still goes out.
      await runtime.delivery.drain();
    } else {
      await untilSignal();
    }
    return 0;
  } finally {
    await scheduler.stop();
    await runtime?.stop();
    await core.close();
    stopGuard();
  }
}
