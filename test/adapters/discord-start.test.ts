import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordChannel, registerCrmCommand, type DiscordAdapter } from '../../adapters/discord/index.ts';
import { loadConfig } from '../../src/config.ts';
import type { InboundMessage } from '../../src/core/message.ts';
import { registerDiscordCommands } from '../../scripts/register-discord-commands.ts';
import { DiscordFake, FAKE_DISCORD, type DiscordFakeOptions } from '../fakes/discord-fake.ts';
import { textOf, until, USERS } from './discord-support.ts';

const opened: { fake: DiscordFake; channel?: DiscordAdapter }[] = [];
afterEach(async () => {
  for (const { fake, channel } of opened.splice(0)) {
    await channel?.stop();
    await fake.close();
  }
});

/** A fake and an unstarted channel pointed at it. */
async function setup(fakeOptions: DiscordFakeOptions = {}, token: string = FAKE_DISCORD.token) {
  const fake = await DiscordFake.start(fakeOptions);
  const errors: string[] = [];
  const channel = createDiscordChannel({ botToken: token, applicationId: FAKE_DISCORD.applicationId, apiUrl: fake.apiUrl }, { log: { info: () => {}, error: (m) => errors.push(m) } });
  opened.push({ fake, channel });
  return { fake, channel, errors };
}

describe('Discord start-up', () => {
  it('says in one line that a wrong token was rejected, without the token', async () => {
    const { channel } = await setup({}, 'WRONG.SECRET.TOKEN');
    const error = await channel.start(async () => {}).then(() => null, (e: Error) => e);
    expect(error?.message).toBe('DISCORD_BOT_TOKEN was rejected by Discord (401 Unauthorized): check the token in .env (Developer Portal → your application → Bot → Reset Token)');
    expect(error?.message).not.toContain('WRONG');
  });

  it('says how to enable the Message Content intent when Discord refuses it', async () => {
    const { channel } = await setup({ messageContentAllowed: false });
    await expect(channel.start(async () => {})).rejects.toThrow(/^Discord refused the Message Content intent: enable “Message Content Intent”/);
  });

  it('says which address it cannot reach', async () => {
    const { fake, channel } = await setup();
    const apiUrl = fake.apiUrl;
    await fake.close();
    opened.pop();
    await expect(channel.start(async () => {})).rejects.toThrow(`Cannot reach Discord at ${apiUrl} (ECONNREFUSED): check the network and DISCORD_API_URL`);
  });

  it('identifies with the message-content intent and strips the bot mention from guild messages only', async () => {
    const { fake, channel } = await setup();
    const inbound: InboundMessage[] = [];
    await channel.start(async (m) => void inbound.push(m));
    expect(fake.identifies[0]!.intents & (1 << 15)).toBeTruthy();
    fake.deliver(fake.message(USERS.operator, 'not for the bot', { in: 'channel', mention: false }));
    fake.deliver(fake.message(USERS.operator, 'summary Acme', { in: 'thread' }));
    fake.deliver(fake.message(USERS.operator, 'hello in a DM'));
    fake.deliver({ ...fake.message(fake.bot, 'my own message'), author: { id: fake.bot.id, username: 'crm-bot', discriminator: '0', bot: true } });
    await until(() => inbound.length >= 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(inbound.map((m) => [m.text, m.chatId, m.threadId])).toEqual([
      ['summary Acme', FAKE_DISCORD.channelId, FAKE_DISCORD.threadId],
      ['hello in a DM', fake.dmChannelOf(USERS.operator), undefined],
    ]);
    expect(inbound[0]).toMatchObject({ platform: 'discord', userId: USERS.operator.id, userName: 'owner' });
  });

  it('replies in the channel when an interaction could not be acknowledged in time', async () => {
    const { fake, channel, errors } = await setup({ interactionDeadlineMs: -1 });
    await channel.start(async (m) => channel.send({ chatId: m.chatId, threadId: m.threadId }, { tone: 'ok', text: `echo ${m.text}` }));
    fake.slashCommand(USERS.operator, 'help');
    await until(() => fake.sent.length === 1);
    expect(fake.sent[0]).toMatchObject({ via: 'channel', channelId: FAKE_DISCORD.channelId });
    expect(textOf(fake.sent[0]!)).toBe('echo help');
    expect(errors).toEqual(['discord interaction could not be acknowledged; replying in the channel instead']);
  });

  it('uploads a chart as an image attachment shown in the embed', async () => {
    const { fake, channel } = await setup();
    await channel.start(async () => {});
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await channel.send({ chatId: FAKE_DISCORD.channelId }, { tone: 'info', text: 'Revenue by month', image: { png, alt: 'Revenue by month' } });
    expect(fake.sent[0]!.files).toEqual([{ name: 'revenue-by-month.png', type: 'image/png', size: png.length }]);
    expect(fake.sent[0]!.body.embeds![0]!.image).toEqual({ url: 'attachment://revenue-by-month.png' });
    expect(fake.sent[0]!.body.attachments).toEqual([{ id: 0, filename: 'revenue-by-month.png', description: 'Revenue by month' }]);
  });

  it('maps 429, 5xx and 4xx answers to the outbox’s ChannelError kinds', async () => {
    const { fake, channel } = await setup();
    await channel.start(async () => {});
    const target = { chatId: FAKE_DISCORD.channelId };
    const reply = { tone: 'ok' as const, text: 'hi' };
    fake.rateLimitNext(1, 2.5);
    await expect(channel.send(target, reply)).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 2_550 });
    fake.failNext(1, 502);
    await expect(channel.send(target, reply)).rejects.toMatchObject({ kind: 'unavailable', message: 'Discord is unavailable (HTTP 502)' });
    await expect(channel.send({ chatId: '999' }, reply)).rejects.toMatchObject({ kind: 'rejected' });
    await channel.send(target, reply);
    expect(fake.sent).toHaveLength(1);
  });
});

describe('registering /crm', () => {
  it('creates the command once and updates it on a second run', async () => {
    const fake = await DiscordFake.start();
    opened.push({ fake });
    const config = loadConfig({ DISCORD_BOT_TOKEN: FAKE_DISCORD.token, DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_API_URL: fake.apiUrl });
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(`ERR ${s}`) };
    expect(await registerDiscordCommands(config, io)).toBe(0);
    expect(await registerDiscordCommands(config, io)).toBe(0);
    expect(out[0]).toMatch(/^Registered \/crm \(command id \d+\) for application 100000000000000001/);
    expect([...fake.commands.values()]).toEqual([expect.objectContaining({
      name: 'crm', type: 1, contexts: [0, 1], integration_types: [0],
      options: [expect.objectContaining({ name: 'text', type: 3, required: true })],
    })]);
    const posts = fake.calls.filter((c) => c.path === `/applications/${FAKE_DISCORD.applicationId}/commands`);
    expect(posts.map((c) => [c.method, c.status, c.auth])).toEqual([['POST', 201, `Bot ${FAKE_DISCORD.token}`], ['POST', 200, `Bot ${FAKE_DISCORD.token}`]]);
  });

  it('explains a wrong token, a wrong application id and missing settings in one line', async () => {
    const fake = await DiscordFake.start();
    opened.push({ fake });
    await expect(registerCrmCommand({ botToken: 'nope', applicationId: FAKE_DISCORD.applicationId, apiUrl: fake.apiUrl })).rejects.toThrow(/^DISCORD_BOT_TOKEN was rejected by Discord/);
    await expect(registerCrmCommand({ botToken: FAKE_DISCORD.token, applicationId: '123456789012345678', apiUrl: fake.apiUrl })).rejects.toThrow(/^Discord refused to register \/crm for DISCORD_APPLICATION_ID 123456789012345678 \(HTTP 403\)/);
    const errs: string[] = [];
    expect(await registerDiscordCommands(loadConfig({}), { out: () => {}, err: (s) => void errs.push(s) })).toBe(2);
    expect(errs).toEqual(['DISCORD_BOT_TOKEN and DISCORD_APPLICATION_ID are missing: set them in .env (see the README, “Discord”)']);
  });

  it('runs as a script with the environment', async () => {
    const fake = await DiscordFake.start();
    opened.push({ fake });
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_BOT_TOKEN: FAKE_DISCORD.token, DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_API_URL: fake.apiUrl };
    // Asynchronous on purpose: a synchronous spawn would block the fake the child talks to.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/register-discord-commands.ts'], { env, cwd: process.cwd() });
    let stdout = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('Registered /crm');
    expect(fake.commands.has('crm')).toBe(true);
  });
});
