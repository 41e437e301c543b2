import type { InlineKeyboardButton } from './types.ts';
import type { Choice, Reply } from '../../src/core/reply.ts';

/** Longest text of one Telegram message, in characters. */
export const MESSAGE_LIMIT_CHARS = 4_096;
/** Longest caption of a photo or document, in characters. */
export const CAPTION_LIMIT_CHARS = 1_024;
/** Buttons per keyboard row at most; longer labels get fewer. */
const ROW_MAX_BUTTONS = 3;
/** Label characters per keyboard row before the next button wraps. */
const ROW_MAX_LABEL_CHARS = 30;
const BOLD_OVERHEAD_CHARS = '<b></b>'.length;

/** One message to send for a reply, in order. */
export type MessagePart =
  | { kind: 'text'; html: string; keyboard?: InlineKeyboardButton[][] }
  | { kind: 'photo'; png: Uint8Array; fileName: string; captionHtml: string }
  | { kind: 'document'; data: Uint8Array; fileName: string };

interface Span {
  text: string;
  bold?: boolean;
}
type Line = Span[];

/** Escapes text for Telegram's HTML parse mode (only <, > and & are special). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * Renders a Reply as Telegram messages: HTML text split within the message limit (on line
 * breaks first), the buttons on the last text message, then the picture and the file.
 * `encodeChoice` turns a choice value into callback data (at most 64 bytes).
 */
export function renderReply(reply: Reply, encodeChoice: (value: string) => string, limitChars = MESSAGE_LIMIT_CHARS): MessagePart[] {
  const chunks = packLines(linesOf(reply), limitChars);
  const choices = reply.choices ?? [];
  if (choices.length && chunks.length === 0) chunks.push(escapeHtml(reply.title ?? 'Choose:'));
  const parts: MessagePart[] = chunks.map((html) => ({ kind: 'text', html }));
  const last = parts[parts.length - 1];
  if (choices.length && last?.kind === 'text') last.keyboard = keyboardOf(choices, encodeChoice);
  if (reply.image) {
    parts.push({ kind: 'photo', png: reply.image.png, fileName: `${fileStem(reply.image.alt)}.png`, captionHtml: escapeHtml(truncate(reply.image.alt, CAPTION_LIMIT_CHARS)) });
  }
  if (reply.file) parts.push({ kind: 'document', data: reply.file.data, fileName: reply.file.name });
  return parts;
}

/** Lays buttons out in rows, short labels side by side. */
export function keyboardOf(choices: Choice[], encodeChoice: (value: string) => string): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  let row: InlineKeyboardButton[] = [];
  let rowChars = 0;
  for (const c of choices) {
    if (row.length && (row.length >= ROW_MAX_BUTTONS || rowChars + c.label.length > ROW_MAX_LABEL_CHARS)) {
      rows.push(row);
      row = [];
      rowChars = 0;
    }
    row.push({ text: c.label, callback_data: encodeChoice(c.value) });
    rowChars += c.label.length;
  }
  if (row.length) rows.push(row);
  return rows;
}

function linesOf(r: Reply): Line[] {
  const lines: Line[] = [];
  if (r.title) lines.push([{ text: r.title, bold: true }]);
  lines.push([{ text: r.text }]);
  for (const f of r.fields ?? []) lines.push([{ text: `${f.label}: `, bold: true }, { text: f.value }]);
  for (const item of r.items ?? []) lines.push([{ text: `• ${item}` }]);
  return lines.flatMap(splitAtNewlines);
}

/** A span may hold line breaks; every output line keeps its own tags closed. */
function splitAtNewlines(line: Line): Line[] {
  const out: Line[] = [[]];
  for (const span of line) {
    span.text.split('\n').forEach((text, i) => {
      if (i > 0) out.push([]);
      if (text) out[out.length - 1]!.push({ text, bold: span.bold });
    });
  }
  return out;
}

function spanHtml(s: Span): string {
  return s.bold ? `<b>${escapeHtml(s.text)}</b>` : escapeHtml(s.text);
}

/** Packs whole lines into messages; a line longer than a message is cut at a space. */
function packLines(lines: Line[], limit: number): string[] {
  const chunks: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    for (const piece of fitLine(line, limit)) {
      if (current === null) current = piece;
      else if (current.length + 1 + piece.length <= limit) current += `\n${piece}`;
      else {
        chunks.push(current);
        current = piece;
      }
    }
  }
  if (current !== null) chunks.push(current);
  return chunks.map((c) => c.trim()).filter(Boolean);
}

function fitLine(line: Line, limit: number): string[] {
  const whole = line.map(spanHtml).join('');
  if (whole.length <= limit) return [whole];
  const pieces: string[] = [];
  let current = '';
  for (const span of line) {
    const overhead = span.bold ? BOLD_OVERHEAD_CHARS : 0;
    let rest = span.text;
    while (rest) {
      let take = prefixFitting(rest, limit - current.length - overhead);
      if (!take && current) {
        pieces.push(current);
        current = '';
        continue;
      }
      // A limit smaller than one escaped character would loop forever; take one anyway.
      if (!take) take = String.fromCodePoint(rest.codePointAt(0)!);
      current += spanHtml({ text: take, bold: span.bold });
      rest = rest.slice(take.length);
      if (rest) {
        pieces.push(current);
        current = '';
      }
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** The longest start of `text` whose escaped form fits `room` characters, cut after a space when one is near the end. */
function prefixFitting(text: string, room: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const cost = ch === '&' ? 5 : ch === '<' || ch === '>' ? 4 : ch.length;
    if (used + cost > room) break;
    used += cost;
    end += ch.length;
  }
  if (end >= text.length) return text;
  const space = text.lastIndexOf(' ', end - 1);
  return space > end / 2 ? text.slice(0, space + 1) : text.slice(0, end);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function fileStem(alt: string): string {
  return alt.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'chart';
}
