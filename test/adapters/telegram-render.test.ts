import { describe, expect, test } from 'vitest';
import { CallbackData } from '../../adapters/telegram/callback-data.ts';
import { toInbound } from '../../adapters/telegram/inbound.ts';
import { escapeHtml, renderReply } from '../../adapters/telegram/render.ts';
import type { Update } from '../../adapters/telegram/types.ts';
import { reply } from '../../src/core/reply.ts';

const BOT = { id: 99, username: 'crm_bot' };
const NOW = new Date('2026-11-24T15:00:00Z');
const same = (v: string) => v;
const unescape = (s: string) => s.replace(/<\/?b>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('rendering a Reply as Telegram HTML', () => {
  test('escapes user text, bolds the title and field labels, lists items, lays out buttons', () => {
    const parts = renderReply(reply('info', 'Notes: <b>bold</b> & co', {
      title: 'Acme & Sons', fields: [{ label: 'Stage', value: 'lead' }], items: ['a < b'],
      choices: [{ label: 'Acme Corp', value: 'ans:0' }, { label: 'Acme Labs', value: 'ans:1' }, { label: 'Cancel', value: 'ans:2' }, { label: 'A much longer label for a row', value: 'ans:3' }],
    }), same);
    expect(parts).toEqual([{
      kind: 'text',
      html: '<b>Acme &amp; Sons</b>\nNotes: &lt;b&gt;bold&lt;/b&gt; &amp; co\n<b>Stage: </b>lead\n• a &lt; b',
      keyboard: [
        [{ text: 'Acme Corp', callback_data: 'ans:0' }, { text: 'Acme Labs', callback_data: 'ans:1' }, { text: 'Cancel', callback_data: 'ans:2' }],
        [{ text: 'A much longer label for a row', callback_data: 'ans:3' }],
      ],
    }]);
    expect(escapeHtml('<&>')).toBe('&lt;&amp;&gt;');
  });

  test('splits on line breaks within the limit, cuts an over-long line at a space, never inside an entity or tag', () => {
    const limit = 60;
    const long = `${'word & '.repeat(30)}end`;
    const r = reply('info', `first line\n${long}\nlast`, { title: 'A title that is bold and long enough to matter here' });
    const parts = renderReply(r, same, limit);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.kind).toBe('text');
      const html = p.kind === 'text' ? p.html : '';
      expect(html.length).toBeLessThanOrEqual(limit);
      expect(html).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(html.split('<b>').length).toBe(html.split('</b>').length);
    }
    const text = parts.map((p) => (p.kind === 'text' ? unescape(p.html) : '')).join(' ');
    expect(text.replace(/\s+/g, ' ')).toBe(`A title that is bold and long enough to matter here first line ${long} last`.replace(/\s+/g, ' '));
  });

  test('a picture and a file follow the text; an empty text with buttons still carries them', () => {
    const parts = renderReply(reply('info', 'Chart', { image: { png: new Uint8Array([1]), alt: 'NPS <by> month' }, file: { name: 'x.csv', mime: 'text/csv', data: new Uint8Array([2]) } }), same);
    expect(parts.map((p) => p.kind)).toEqual(['text', 'photo', 'document']);
    expect(parts[1]).toMatchObject({ fileName: 'nps-by-month.png', captionHtml: 'NPS &lt;by&gt; month' });
    expect(renderReply(reply('question', '', { choices: [{ label: 'Yes', value: 'y' }] }), same)).toEqual([{ kind: 'text', html: 'Choose:', keyboard: [[{ text: 'Yes', callback_data: 'y' }]] }]);
  });

  test('callback data over 64 bytes maps to a short key and back; unknown keys pass through', () => {
    const data = new CallbackData(2);
    const long = `ans:${'é'.repeat(40)}`;
    const key = data.encode(long);
    expect(Buffer.byteLength(key)).toBeLessThanOrEqual(64);
    expect(data.decode(key)).toBe(long);
    expect(data.encode('do:undo')).toBe('do:undo');
    expect(data.encode('~looks-like-a-key')).not.toBe('~looks-like-a-key');
    data.encode('x'.repeat(70));
    data.encode('y'.repeat(70));
    expect(data.decode(key)).toBe(key);
  });
});

describe('normalising Telegram updates', () => {
  const message = (text: string, extra: Record<string, unknown> = {}) => ({
    update_id: 7,
    message: { message_id: 50, date: 1_800_000_000, chat: { id: 5, type: 'private', first_name: 'Olga' }, from: { id: 5, is_bot: false, first_name: 'Olga', last_name: 'K' }, text, ...extra },
  }) as unknown as Update;
  const inGroup = (text: string, entities: unknown[], extra: Record<string, unknown> = {}) =>
    message(text, { chat: { id: -100, type: 'supergroup', title: 'T' }, entities, ...extra });
  const norm = (u: Update) => toInbound(u, BOT, (d) => (d === 'k' ? 'long value' : d), () => NOW);

  test('a private message becomes an InboundMessage with the update id as event id', () => {
    expect(norm(message('summary Acme'))).toEqual({
      platform: 'telegram', chatId: '5', direct: true, userId: '5', userName: 'Olga K', text: 'summary Acme', threadId: undefined, replyToId: undefined,
      eventId: '7', receivedAt: new Date(1_800_000_000_000), raw: expect.anything(),
    });
  });

  test('in groups only mentions, replies to the bot and commands count; the mention is stripped', () => {
    expect(norm(inGroup('@crm_bot: summary Acme', [{ type: 'mention', offset: 0, length: 8 }]))).toMatchObject({ text: 'summary Acme', direct: false });
    expect(norm(inGroup('hey @CRM_bot summary Acme', [{ type: 'mention', offset: 4, length: 8 }]))?.text).toBe('hey summary Acme');
    expect(norm(inGroup('summary Acme', []))).toBeNull();
    expect(norm(inGroup('@other_bot summary Acme', [{ type: 'mention', offset: 0, length: 10 }]))).toBeNull();
    expect(norm(inGroup('yes that one', [], { reply_to_message: { message_id: 3, date: 1, chat: { id: -100, type: 'supergroup' }, from: { id: 99, is_bot: true, first_name: 'CRM' } } }))?.replyToId).toBe('3');
    expect(norm(inGroup('/help@crm_bot', [{ type: 'bot_command', offset: 0, length: 13 }]))?.text).toBe('help');
    expect(norm(inGroup('/help@other_bot', [{ type: 'bot_command', offset: 0, length: 15 }]))).toBeNull();
  });

  test('commands read as words; /start keeps its invite code', () => {
    const cmd = (text: string) => norm(message(text, { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }))?.text;
    expect(cmd('/start abcdefgh23')).toBe('/start abcdefgh23');
    expect(cmd('/start')).toBe('help');
    expect(cmd('/crm log call with Acme: hi')).toBe('log call with Acme: hi');
    expect(cmd('/crm')).toBe('help');
    expect(cmd('/whats_due')).toBe('whats due');
  });

  test('forum topics are threads; bots, edits and messages without text are ignored', () => {
    expect(norm(message('hi', { message_thread_id: 12, is_topic_message: true }))?.threadId).toBe('12');
    expect(norm(message('hi', { message_thread_id: 12 }))?.threadId).toBeUndefined();
    expect(norm(message('hi', { from: { id: 8, is_bot: true, first_name: 'B' } }))).toBeNull();
    expect(norm(message('', { text: undefined, sticker: {} }))).toBeNull();
    expect(norm(message('', { text: undefined, caption: 'photo note' }))?.text).toBe('photo note');
    expect(norm({ update_id: 8, edited_message: message('x').message } as unknown as Update)).toBeNull();
  });

  test('a button press carries the decoded value, the chat and the pressed message', () => {
    const press = {
      update_id: 9,
      callback_query: { id: 'q', from: { id: 5, is_bot: false, first_name: 'Olga' }, chat_instance: 'c', data: 'k', message: { message_id: 60, date: 1, chat: { id: 5, type: 'private' }, text: 'Pick' } },
    } as unknown as Update;
    expect(norm(press)).toMatchObject({ chatId: '5', userId: '5', text: '', button: { value: 'long value' }, replyToId: '60', eventId: '9', receivedAt: NOW });
  });
});
