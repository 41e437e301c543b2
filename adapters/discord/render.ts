import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Choice, Reply, ReplyTone } from '../../src/core/reply.ts';
import { splitText, truncate } from './split-text.ts';

/** Discord's documented limits, in UTF-16 units or counts. */
export const DISCORD_LIMITS = {
  contentChars: 2_000,
  embedTitleChars: 256,
  embedDescriptionChars: 4_096,
  embedFields: 25,
  fieldNameChars: 256,
  fieldValueChars: 1_024,
  embedTotalChars: 6_000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabelChars: 80,
  customIdChars: 100,
  attachmentDescriptionChars: 1_024,
} as const;

const TONE_COLOR: Record<ReplyTone, number> = { ok: 0x2e9e5b, info: 0x3b82f6, question: 0xf5a524, error: 0xdc3545, refused: 0x8b95a1 };
/** Shown on a message that only carries the buttons beyond the first 25. */
const MORE_CHOICES = 'More choices:';
/** Discord refuses a message with no content at all; a zero-width space is the usual stand-in. */
const EMPTY_CONTENT = '\u200b';
const SECONDARY = /^(cancel|no|undo|skip)\b/i;

/** A file uploaded with a message. */
export interface DiscordFile {
  name: string;
  data: Uint8Array;
  contentType: string;
}

/** The JSON body of a message create/edit (channel message, interaction edit or follow-up). */
export interface DiscordMessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  attachments?: { id: number; filename: string; description?: string }[];
  /** Replies never ping anyone, whatever text a customer name or note holds. */
  allowed_mentions: { parse: [] };
}

/** One Discord message to send: its body and the files it uploads. */
export interface DiscordMessage {
  body: DiscordMessageBody;
  files: DiscordFile[];
}

/**
 * Renders a Reply as Discord messages within the platform's limits: plain replies as content,
 * titled/listed ones as an embed, choices as buttons (custom_id from `customId`) on the last
 * message, the image and file as uploads on the first.
 */
export function renderReply(reply: Reply, customId: (value: string) => string = (v) => v): DiscordMessage[] {
  const rich = Boolean(reply.title || reply.fields?.length || reply.items?.length || reply.image);
  const messages: DiscordMessage[] = rich
    ? embedMessages(reply).map((embed) => ({ body: { embeds: [embed], allowed_mentions: { parse: [] } }, files: [] }))
    : splitText(reply.text || EMPTY_CONTENT, DISCORD_LIMITS.contentChars).map((content) => ({ body: { content, allowed_mentions: { parse: [] } }, files: [] }));
  attachUploads(reply, messages[0]!);
  const rows = buttonRows(reply.choices ?? [], customId);
  for (const [i, group] of chunk(rows, DISCORD_LIMITS.rowsPerMessage).entries()) {
    if (i === 0) messages[messages.length - 1]!.body.components = group;
    else messages.push({ body: { content: MORE_CHOICES, components: group, allowed_mentions: { parse: [] } }, files: [] });
  }
  return messages;
}

/** All text a rendered message shows (tests and logs of what was sent). */
export function messageText(body: Partial<DiscordMessageBody>): string {
  const parts = [body.content ?? ''];
  for (const e of body.embeds ?? []) parts.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]));
  return parts.filter(Boolean).join('\n');
}

function embedMessages(reply: Reply): APIEmbed[] {
  const color = TONE_COLOR[reply.tone];
  const description = [reply.text, ...(reply.items ?? []).map((item) => `• ${item}`)].filter(Boolean).join('\n');
  const embeds: APIEmbed[] = splitText(description, DISCORD_LIMITS.embedDescriptionChars)
    .filter((d, i) => d || i === 0)
    .map((d) => ({ color, ...(d ? { description: d } : {}) }));
  if (reply.title) embeds[0]!.title = truncate(reply.title, DISCORD_LIMITS.embedTitleChars);
  for (const field of (reply.fields ?? []).flatMap(toEmbedFields)) {
    let last = embeds[embeds.length - 1]!;
    const full = (last.fields?.length ?? 0) >= DISCORD_LIMITS.embedFields
      || embedChars(last) + field.name.length + field.value.length > DISCORD_LIMITS.embedTotalChars;
    if (full) {
      last = { color };
      embeds.push(last);
    }
    (last.fields ??= []).push(field);
  }
  return embeds;
}

/** A field longer than Discord allows continues in further fields rather than being cut. */
function toEmbedFields(f: { label: string; value: string }): APIEmbedField[] {
  const name = truncate(f.label.trim() || '\u200b', DISCORD_LIMITS.fieldNameChars);
  const values = splitText(f.value.trim() || '—', DISCORD_LIMITS.fieldValueChars);
  return values.map((value, i) => ({ name: i === 0 ? name : truncate(`${name} (cont.)`, DISCORD_LIMITS.fieldNameChars), value, inline: false }));
}

function embedChars(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

function attachUploads(reply: Reply, first: DiscordMessage): void {
  const attachments: NonNullable<DiscordMessageBody['attachments']> = [];
  if (reply.image) {
    const name = `${fileStem(reply.image.alt) || 'chart'}.png`;
    attachments.push({ id: attachments.length, filename: name, description: truncate(reply.image.alt, DISCORD_LIMITS.attachmentDescriptionChars) });
    first.files.push({ name, data: reply.image.png, contentType: 'image/png' });
    const embed = first.body.embeds?.[0];
    if (embed) embed.image = { url: `attachment://${name}` };
  }
  if (reply.file) {
    attachments.push({ id: attachments.length, filename: reply.file.name });
    first.files.push({ name: reply.file.name, data: reply.file.data, contentType: reply.file.mime });
  }
  if (attachments.length) first.body.attachments = attachments;
}

function fileStem(alt: string): string {
  return alt.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

function buttonRows(choices: Choice[], customId: (value: string) => string): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const c of choices) {
    const id = customId(c.value);
    // Discord rejects a message whose buttons share a custom_id; the same value twice is the same action.
    if (seen.has(id)) continue;
    seen.add(id);
    buttons.push({
      type: ComponentType.Button,
      style: SECONDARY.test(c.label) ? ButtonStyle.Secondary : ButtonStyle.Primary,
      label: truncate(c.label.trim() || c.value, DISCORD_LIMITS.buttonLabelChars),
      custom_id: id,
    });
  }
  return chunk(buttons, DISCORD_LIMITS.buttonsPerRow).map((row) => ({ type: ComponentType.ActionRow, components: row }));
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
