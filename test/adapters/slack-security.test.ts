import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel } from '../../adapters/slack/index.ts';
import { FAKE_SLACK, sign, SlackFake, type SentMessage } from '../fakes/slack-fake.ts';
import { PROVIDERS } from '../support/databases.ts';
import { startSlackStack, textOf, until, USERS, type SlackStack } from './slack-support.ts';

const OP = USERS.operator;
const REFUSAL = 'Sorry, I only work for the owner of this workspace.';

describe.each(PROVIDERS)('Slack security and delivery on $name', ({ name, skip }) => {
  let s: SlackStack;
  beforeAll(async () => {
    if (skip) return;
    s = await startSlackStack(name, 'http');
    await s.dm(OP, 'add customer Acme, contact Jane Doe jane@acme.example');
    await s.dm(OP, 'log call with Acme: discussed pricing');
    await s.dm(OP, 'remind me to send the proposal to Acme tomorrow at 10am');
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Rows that any handled message would have touched. */
  const counts = async () => {
    const p = s.core.db.prisma;
    return { customers: await p.customer.count(), interactions: await p.interaction.count(), followUps: await p.followUp.count(), events: await p.processedEvent.count(), outbox: await p.outboxMessage.count() };
  };

  it.skipIf(skip)('refuses every command a stranger sends, with no CRM data in the answer', async () => {
    const stranger = USERS.stranger;
    const dm = s.fake.dmChannel(stranger);
    const before = await counts();
    const texts = ['add customer Globex', 'summary Acme', "what's due?", 'log call with Acme: discussed pricing', 'remind me to call Acme tomorrow', 'help', 'undo', 'export customers', 'link <@U0STRANGER> to Jane at Acme'];
    for (const text of texts) {
      const answer = await s.dm(stranger, text);
      expect(answer.map((m) => m.text)).toEqual([REFUSAL]);
    }
    // A slash command, and buttons pressed on a forged message carrying real action values.
    const [viaCommand] = await s.answered(dm, () => s.fake.deliver('command', s.fake.slash(stranger, 'summary Acme')));
    expect(viaCommand!.text).toBe(REFUSAL);
    const forged: SentMessage = {
      via: 'api', channel: dm, ts: '1764000000.000001', text: '', at: 0,
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'crm_choice_0', value: 'do:complete_followup:1', text: { text: 'Done' } }, { type: 'button', action_id: 'crm_choice_1', value: 'do:undo', text: { text: 'Undo' } }] }],
    };
    for (const label of ['Done', 'Undo']) expect((await s.press(forged, label, stranger)).map((m) => m.text)).toEqual([REFUSAL]);

    const everything = textOf(s.fake.sent(dm));
    for (const secret of ['Acme', 'Jane', 'pricing', 'proposal', 'Stage', 'Globex']) expect(everything).not.toContain(secret);
    const after = await counts();
    expect({ ...after, events: before.events, outbox: before.outbox }).toEqual(before);
    expect(await s.core.db.prisma.followUp.count({ where: { status: 'done' } })).toBe(0);
  });

  it.skipIf(skip)('rejects a forged signature and a stale timestamp with 401, storing and sending nothing', async () => {
    const before = await counts();
    const sentBefore = s.fake.sent().length;
    const event = s.fake.dm(OP, 'add customer Forged Inc');
    const results = [
      await s.fake.deliverHttp('event', event, { signingSecret: 'not-the-secret' }),
      await s.fake.deliverHttp('event', event, { signature: 'v0=' + '0'.repeat(64) }),
      await s.fake.deliverHttp('event', event, { timestampSec: Math.floor(Date.now() / 1000) - 6 * 60 }),
      await s.fake.deliverHttp('command', s.fake.slash(OP, 'add customer Forged Inc'), { signingSecret: 'not-the-secret' }),
    ];
    // A stale timestamp with a signature that is otherwise right: the age alone is refused.
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    results.push(await s.fake.deliverHttp('event', event, { timestampSec: stale, signature: sign(FAKE_SLACK.signingSecret, stale, JSON.stringify(event)) }));
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await counts()).toEqual(before);
    expect(await s.core.db.prisma.processedEvent.count({ where: { eventId: String(event.event_id) } })).toBe(0);
    expect(s.fake.sent().length).toBe(sentBefore);
  });

  it.skipIf(skip)('honours a 429 retry-after and the message still arrives', async () => {
    const dm = s.fake.dmChannel(OP);
    s.fake.rateLimitNext(1, 1);
    const [answer] = await s.answered(dm, () => s.fake.deliver('event', s.fake.dm(OP, 'help')));
    const posts = s.fake.calls.filter((c) => c.method === 'chat.postMessage');
    const limited = posts.findLast((c) => c.status === 429)!;
    expect(limited).toBeDefined();
    expect(answer!.at - limited.at).toBeGreaterThanOrEqual(1_000);
    expect(answer!.text).toContain('What I can do');
    // The fake records the message before it answers, so the outbox marks it sent a moment later.
    const latest = () => s.core.db.prisma.outboxMessage.findFirst({ where: { chatId: dm }, orderBy: { id: 'desc' } });
    await until(async () => (await latest())?.status === 'sent');
    expect(await latest()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it.skipIf(skip)('refuses a linked customer\'s "summary Acme"', async () => {
    const customer = USERS.customer;
    const [linked] = await s.dm(OP, `link <@${customer}> to Jane at Acme`);
    expect(linked!.text).toMatch(/Linked/);
    const identity = await s.core.db.prisma.chatIdentity.findFirst({ where: { platform: 'slack', platformUserId: customer } });
    expect(identity?.contactId).toBeTruthy();

    const answer = textOf(await s.dm(customer, 'summary Acme'));
    for (const secret of ['pricing', 'proposal', 'Stage', 'interaction']) expect(answer).not.toContain(secret);
    const command = textOf(await s.answered(s.fake.dmChannel(customer), () => s.fake.deliver('command', s.fake.slash(customer, 'summary Acme'))));
    for (const secret of ['pricing', 'proposal', 'Stage', 'interaction']) expect(command).not.toContain(secret);
  });

  it.skipIf(skip)('acknowledges a slash command with an empty 200 at once, then answers through its response_url', async () => {
    const before = s.fake.sent().length;
    const command = await s.fake.deliverHttp('command', s.fake.slash(OP, 'help'));
    expect(command).toMatchObject({ status: 200, body: '' });
    expect(s.fake.sent().length).toBe(before);
    await until(() => s.fake.sent().some((m) => m.via === 'response_url' && m.text.includes('What I can do')));
  });

  it.skipIf(skip)('retries a 5xx with backoff, and uploads an image through the files API into the thread', async () => {
    const dm = s.fake.dmChannel(OP);
    s.fake.failNext(1, 503);
    const [answer] = await s.answered(dm, () => s.fake.deliver('event', s.fake.dm(OP, 'help')));
    expect(answer!.text).toContain('What I can do');
    expect(s.fake.calls.some((c) => c.method === 'chat.postMessage' && c.status === 503)).toBe(true);

    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
    await s.channel.send({ chatId: dm, threadId: '1764000000.000009' }, { tone: 'info', text: 'Revenue', image: { png, alt: 'Revenue by month' } });
    expect(s.fake.files.at(-1)).toMatchObject({ channel: dm, threadTs: '1764000000.000009', filename: 'revenue-by-month.png', title: 'Revenue by month' });
    expect(s.fake.files.at(-1)!.bytes).toBeGreaterThanOrEqual(png.length);
  });
});

describe('Slack start-up', () => {
  let fake: SlackFake;
  beforeAll(async () => {
    fake = await SlackFake.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('says in one line what is wrong with a token, the API URL or a missing secret', async () => {
    const http = createSlackChannel({ botToken: 'xoxb-wrong', signingSecret: 's', apiUrl: fake.apiUrl });
    await expect(http.start(async () => {})).rejects.toThrow(/^SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\): check the token in \.env$/);
    const socket = createSlackChannel({ botToken: FAKE_SLACK.botToken, appToken: 'xapp-wrong', apiUrl: fake.apiUrl });
    await expect(socket.start(async () => {})).rejects.toThrow(/^SLACK_APP_TOKEN was rejected by Slack \(invalid_auth\)/);
    const nowhere = createSlackChannel({ botToken: FAKE_SLACK.botToken, signingSecret: 's', apiUrl: 'http://127.0.0.1:9/api' });
    await expect(nowhere.start(async () => {})).rejects.toThrow(/^Could not reach Slack at http:\/\/127\.0\.0\.1:9\/api\/ .*SLACK_API_URL$/);
    expect(() => createSlackChannel({ botToken: FAKE_SLACK.botToken })).toThrow(/^SLACK_SIGNING_SECRET is missing/);
    expect(() => createSlackChannel({ botToken: FAKE_SLACK.appToken, signingSecret: 's' })).toThrow(/^SLACK_BOT_TOKEN holds an app-level token/);
  });

  it('connects in Socket Mode and disconnects on stop', async () => {
    const socket = createSlackChannel({ botToken: FAKE_SLACK.botToken, appToken: FAKE_SLACK.appToken, apiUrl: fake.apiUrl });
    expect(socket.httpRoutes()).toEqual([]);
    await socket.start(async () => {});
    expect(fake.openSockets).toBe(1);
    expect(fake.calls.filter((c) => c.method === 'apps.connections.open').at(-1)?.token).toBe(FAKE_SLACK.appToken);
    await socket.stop();
    await until(() => fake.openSockets === 0);
  });

  it('reconnects in Socket Mode when Slack asks, and keeps receiving', async () => {
    const received: string[] = [];
    const socket = createSlackChannel({ botToken: FAKE_SLACK.botToken, appToken: FAKE_SLACK.appToken, apiUrl: fake.apiUrl }, { socketPingTimeoutMs: 200 });
    await socket.start(async (m) => { received.push(m.text); });
    const opened = () => fake.calls.filter((c) => c.method === 'apps.connections.open').length;
    const before = opened();
    fake.askToReconnect();
    await until(() => opened() > before && fake.openSockets === 1);
    await fake.deliver('event', fake.dm(USERS.operator, 'help'));
    await until(() => received.includes('help'));
    await socket.stop();
  });
});
