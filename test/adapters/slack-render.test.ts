import { describe, expect, it } from 'vitest';
import { responseUrlError, toChannelError } from '../../adapters/slack/errors.ts';
import { createInboundQueue } from '../../adapters/slack/inbound-queue.ts';
import { fromBlockAction, fromMessageEvent, fromSlashCommand } from '../../adapters/slack/inbound.ts';
import { renderReply, SLACK_LIMITS } from '../../adapters/slack/render.ts';
import { escapeMrkdwn, slackTextToPlain, splitForSlack } from '../../adapters/slack/text.ts';
import { decodeThread, encodeThread } from '../../adapters/slack/thread.ts';

const AT = new Date('2026-11-24T15:00:00Z');

describe('Slack text', () => {
  it('strips the bot mention, keeps other mentions, and undoes Slack encoding', () => {
    expect(slackTextToPlain('<@UBOT> link <@U123> to Jane &amp; co', 'UBOT')).toBe('link <@U123> to Jane & co');
    expect(slackTextToPlain('add <mailto:jane@acme.io|jane@acme.io> and <https://acme.io|acme.io> in <#C1|sales> &lt;3', 'UBOT')).toBe('add jane@acme.io and acme.io in #sales <3');
    expect(slackTextToPlain('<@UBOT|crm>: help', 'UBOT')).toBe('help');
  });

  it('escapes mrkdwn and splits at line, then word, then character boundaries within the escaped limit', () => {
    expect(escapeMrkdwn('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    const pieces = splitForSlack(`${'word '.repeat(900)}\n${'&'.repeat(700)}`, 3000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(escapeMrkdwn(p).length).toBeLessThanOrEqual(3000);
    expect(pieces.join('').replace(/\s/g, '')).toBe(`${'word'.repeat(900)}${'&'.repeat(700)}`);
  });
});

describe('Slack rendering', () => {
  it('renders title, text, fields, items and choices as Block Kit with a plain fallback', () => {
    const [m, ...rest] = renderReply({
      tone: 'info', title: 'Acme', text: 'Latest <1> of 1', fields: [{ label: 'Stage', value: 'lead' }], items: ['call: pricing'],
      choices: [{ label: 'Done', value: 'do:complete_followup:1' }, { label: 'Snooze 1 day', value: 'do:snooze_followup:1' }],
    });
    expect(rest).toEqual([]);
    expect(m!.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'actions']);
    expect(m!.blocks[1]).toMatchObject({ text: { type: 'mrkdwn', text: 'Latest &lt;1&gt; of 1' } });
    expect(m!.blocks[2]).toMatchObject({ fields: [{ type: 'mrkdwn', text: '*Stage*\nlead' }] });
    expect(m!.blocks[4]).toMatchObject({ elements: [{ type: 'button', action_id: 'crm_choice_0', value: 'do:complete_followup:1' }, { action_id: 'crm_choice_1', value: 'do:snooze_followup:1' }] });
    expect(m!.text).toContain('Latest <1> of 1');
  });

  it('splits a long reply into several messages within Slack limits, buttons on the last one', () => {
    const items = Array.from({ length: 400 }, (_, i) => `item ${i} ${'x'.repeat(300)}`);
    const messages = renderReply({ tone: 'info', text: 'Big list', items, choices: [{ label: 'Undo', value: 'do:undo' }] });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackChars);
      for (const b of m.blocks) if (b.type === 'section' && b.text) expect((b.text as { text: string }).text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionTextChars);
    }
    expect(messages.at(-1)!.blocks.at(-1)!.type).toBe('actions');
    const all = messages.flatMap((m) => m.blocks).map((b) => (b.text as { text?: string } | undefined)?.text ?? '').join('\n');
    for (const i of [0, 199, 399]) expect(all).toContain(`item ${i} `);
  });
});

describe('Slack inbound', () => {
  it('reads a DM, ignores bots, edits and channel chatter, and threads mentions', () => {
    const dm = fromMessageEvent({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 'help', ts: '1.1' }, 'Ev1', 'UBOT', AT);
    expect(dm).toMatchObject({ platform: 'slack', chatId: 'D1', direct: true, userId: 'U1', text: 'help', eventId: 'Ev1', threadId: undefined, replyToId: '1.1' });
    expect(fromMessageEvent({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', bot_id: 'B2', text: 'x' }, 'Ev2', 'UBOT', AT)).toBeNull();
    expect(fromMessageEvent({ type: 'message', subtype: 'message_changed', channel: 'D1', channel_type: 'im', user: 'U1' }, 'Ev3', 'UBOT', AT)).toBeNull();
    expect(fromMessageEvent({ type: 'message', channel: 'C1', channel_type: 'channel', user: 'U1', text: 'hi' }, 'Ev4', 'UBOT', AT)).toBeNull();
    const mention = fromMessageEvent({ type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT> help', ts: '2.2' }, 'Ev5', 'UBOT', AT);
    expect(mention).toMatchObject({ text: 'help', threadId: '2.2', direct: false });
    const inThread = fromMessageEvent({ type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: 'x', ts: '3.3', thread_ts: '3.0' }, 'Ev6', 'UBOT', AT);
    expect(inThread?.threadId).toBe('3.0');
  });

  it('reads slash commands and button presses, replying through response_url where only that works', () => {
    const cmd = fromSlashCommand({ command: '/crm', text: '', user_id: 'U1', user_name: 'ann', channel_id: 'C1', response_url: 'https://hooks/x', trigger_id: 't1' }, AT);
    expect(cmd).toMatchObject({ text: 'help', chatId: 'C1', direct: false, userName: 'ann', eventId: 'command:t1' });
    expect(fromSlashCommand({ command: '/crm', text: 'help', user_id: 'U1', channel_id: 'D7' }, AT).direct).toBe(true);
    expect(decodeThread(cmd.threadId)).toEqual({ responseUrl: 'https://hooks/x' });
    const press = fromBlockAction({
      trigger_id: 't2', user: { id: 'U1', name: 'ann' }, channel: { id: 'C1' }, container: { message_ts: '5.5', is_ephemeral: false },
      message: { ts: '5.5', thread_ts: '5.0' }, response_url: 'https://hooks/y', actions: [{ action_id: 'crm_choice_1', value: 'ans:1' }],
    }, AT);
    expect(press).toMatchObject({ text: '', button: { value: 'ans:1' }, threadId: '5.0', eventId: 'action:t2', replyToId: '5.5' });
    expect(decodeThread(encodeThread({ ts: '5.0' }))).toEqual({ ts: '5.0' });
  });
});

describe('Slack errors', () => {
  it('maps Web API failures to the outbox retry kinds', () => {
    expect(toChannelError({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 })).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 });
    expect(toChannelError({ code: 'slack_webapi_http_error', statusCode: 502 })).toMatchObject({ kind: 'unavailable' });
    expect(toChannelError({ code: 'slack_webapi_http_error', statusCode: 400 })).toMatchObject({ kind: 'rejected' });
    expect(toChannelError({ code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } })).toMatchObject({ kind: 'rejected', message: 'Slack refused the message (channel_not_found)' });
    expect(toChannelError({ code: 'slack_webapi_platform_error', data: { error: 'internal_error' } })).toMatchObject({ kind: 'unavailable' });
    expect(toChannelError({ code: 'slack_webapi_request_error', original: new Error('ECONNRESET') })).toMatchObject({ kind: 'unavailable' });
    expect(responseUrlError(429, '2')).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2000 });
    expect(responseUrlError(404, null)).toMatchObject({ kind: 'rejected' });
  });
});

describe('Slack inbound queue', () => {
  it('runs one chat in order, chats in parallel up to the cap, and reports idle', async () => {
    const queue = createInboundQueue(2);
    const log: string[] = [];
    let inFlight = 0;
    let peak = 0;
    const task = (name: string, ms: number) => async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      inFlight -= 1;
    };
    queue.push('A', task('a1', 30));
    queue.push('A', task('a2', 1));
    queue.push('B', task('b1', 5));
    queue.push('C', task('c1', 5));
    await queue.idle();
    expect(peak).toBe(2);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.filter((l) => l.startsWith('end'))).toHaveLength(4);
  });
});
