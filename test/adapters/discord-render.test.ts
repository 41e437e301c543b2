import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, messageText, renderReply } from '../../adapters/discord/index.ts';
import { stripBotMention } from '../../adapters/discord/inbound.ts';
import { splitText } from '../../adapters/discord/split-text.ts';
import { decodeTarget, encodeThreadId } from '../../adapters/discord/targets.ts';
import { reply } from '../../src/core/reply.ts';

const BOT = '100000000000000001';

describe('rendering a Reply for Discord', () => {
  it('sends a plain reply as content that pings nobody, with its choices as buttons', () => {
    const [m, ...rest] = renderReply(reply('question', 'Which Acme?', { choices: [{ label: 'Acme Corp', value: 'ans:0' }, { label: 'Cancel', value: 'ans:1' }] }));
    expect(rest).toEqual([]);
    expect(m!.body).toEqual({
      content: 'Which Acme?',
      allowed_mentions: { parse: [] },
      components: [{ type: 1, components: [
        { type: 2, style: 1, label: 'Acme Corp', custom_id: 'ans:0' },
        { type: 2, style: 2, label: 'Cancel', custom_id: 'ans:1' },
      ] }],
    });
  });

  it('renders title, items and fields as an embed coloured by tone', () => {
    const [m] = renderReply(reply('info', 'Latest 1 of 1 interactions:', { title: 'Acme Labs', fields: [{ label: 'Stage', value: 'lead' }], items: ['Nov 24 call: discussed pricing'] }));
    expect(m!.body.content).toBeUndefined();
    expect(m!.body.embeds).toEqual([{ color: 0x3b82f6, title: 'Acme Labs', description: 'Latest 1 of 1 interactions:\n• Nov 24 call: discussed pricing', fields: [{ name: 'Stage', value: 'lead', inline: false }] }]);
    expect(messageText(m!.body)).toContain('discussed pricing');
  });

  it('splits long text at line breaks within 2,000 characters, keeping every line', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i} ${'x'.repeat(80)}`);
    const parts = renderReply(reply('ok', lines.join('\n'), { choices: [{ label: 'Undo', value: 'do:undo' }] }));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.body.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.contentChars);
    expect(parts.map((p) => p.body.content).join('\n')).toBe(lines.join('\n'));
    expect(parts.slice(0, -1).every((p) => !p.body.components)).toBe(true);
    expect(parts.at(-1)!.body.components).toHaveLength(1);
  });

  it('keeps embeds within 4,096 description characters, 25 fields and 6,000 in all', () => {
    const items = Array.from({ length: 120 }, (_, i) => `item ${i} ${'y'.repeat(60)}`);
    const fields = Array.from({ length: 40 }, (_, i) => ({ label: `field ${i}`, value: 'z'.repeat(i === 3 ? 2_500 : 200) }));
    const parts = renderReply(reply('info', 'Report', { title: 'T'.repeat(300), items, fields }));
    for (const p of parts) {
      const [e] = p.body.embeds!;
      const total = (e!.title?.length ?? 0) + (e!.description?.length ?? 0) + (e!.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(e!.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescriptionChars);
      expect(e!.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
      expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotalChars);
      for (const f of e!.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValueChars);
    }
    expect(parts[0]!.body.embeds![0]!.title).toHaveLength(256);
    const shown = parts.map((p) => messageText(p.body)).join('\n');
    for (const item of items) expect(shown).toContain(item);
    expect(shown).toContain('field 39');
    expect(shown).toContain('field 3 (cont.)');
  });

  it('puts at most 5 buttons in a row and 25 in a message, dropping duplicates', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ label: `Option ${i}`, value: `ans:${i}` }));
    const parts = renderReply(reply('question', 'Pick one', { choices: [...choices, { label: 'Again', value: 'ans:0' }] }));
    expect(parts).toHaveLength(2);
    expect(parts[0]!.body.components).toHaveLength(5);
    for (const row of parts[0]!.body.components!) expect(row.components).toHaveLength(5);
    expect(parts[1]!.body).toMatchObject({ content: 'More choices:', components: [{ components: expect.any(Array) }] });
    expect(parts[1]!.body.components![0]!.components).toHaveLength(5);
  });

  it('maps a value too long for a custom_id through the given function', () => {
    const long = `ans:${'v'.repeat(200)}`;
    const [m] = renderReply(reply('question', 'Q', { choices: [{ label: 'L'.repeat(100), value: long }] }), (v) => (v.length > 100 ? '#short' : v));
    expect(m!.body.components![0]!.components[0]).toMatchObject({ custom_id: '#short', label: `${'L'.repeat(79)}…` });
  });

  it('attaches an exported file to the first message', () => {
    const data = new TextEncoder().encode('name\nAcme\n');
    const [m] = renderReply(reply('ok', 'Exported 1 customer.', { file: { name: 'customers.csv', mime: 'text/csv', data } }));
    expect(m!.files).toEqual([{ name: 'customers.csv', data, contentType: 'text/csv' }]);
    expect(m!.body.attachments).toEqual([{ id: 0, filename: 'customers.csv' }]);
  });
});

describe('Discord text and targets', () => {
  it('strips the bot mention (user or role form) but keeps other mentions', () => {
    expect(stripBotMention(`<@${BOT}> link <@123456> to Jane at Acme`, BOT)).toBe('link <@123456> to Jane at Acme');
    expect(stripBotMention(`<@!${BOT}>, summary Acme`, BOT)).toBe('summary Acme');
    expect(stripBotMention('<@&555> what\'s due?', BOT, '555')).toBe("what's due?");
    expect(stripBotMention(`log call with Acme:\nline one <@${BOT}>\nline two`, BOT)).toBe('log call with Acme:\nline one \nline two');
  });

  it('never cuts a surrogate pair when splitting', () => {
    const text = '😀'.repeat(1_500);
    const parts = splitText(text, 2_000);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2_000);
  });

  it('routes replies to the thread and, for an interaction, through its token', () => {
    expect(decodeTarget({ chatId: 'c', threadId: encodeThreadId({ threadChannelId: '42' }) })).toEqual({ channelId: '42' });
    expect(decodeTarget({ chatId: 'c', threadId: encodeThreadId({ interactionId: '7' }) })).toEqual({ channelId: 'c', interactionId: '7' });
    expect(decodeTarget({ chatId: 'c', threadId: encodeThreadId({ interactionId: '7', threadChannelId: '42' }) })).toEqual({ channelId: '42', interactionId: '7' });
    expect(decodeTarget({ chatId: 'c' })).toEqual({ channelId: 'c' });
  });
});
