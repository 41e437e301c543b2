import type { Config } from '../../src/config.ts';
import { SlackAdapter, type SlackChannelDeps, type SlackChannelOptions } from './slack-channel.ts';

export { SLACK_EVENTS_PATH, SlackAdapter, type SlackChannelDeps, type SlackChannelOptions } from './slack-channel.ts';
export { SlackStartError } from './errors.ts';

/** Builds the Slack channel (Socket Mode when `appToken` is set, else HTTP Events API on SLACK_EVENTS_PATH). */
export function createSlackChannel(options: SlackChannelOptions, deps: SlackChannelDeps = {}): SlackAdapter {
  return new SlackAdapter(options, deps);
}

/** The Slack options from the configuration, or null when SLACK_BOT_TOKEN is not set. */
export function slackOptionsFromConfig(config: Config): SlackChannelOptions | null {
  if (!config.SLACK_BOT_TOKEN) return null;
  return { botToken: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, appToken: config.SLACK_APP_TOKEN, apiUrl: config.SLACK_API_URL };
}
