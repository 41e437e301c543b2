import type { Reply } from '../../src/core/reply.ts';
import { escapeMrkdwn, splitForSlack, truncate } from './text.ts';

/** Slack's limits (docs.slack.dev, Block Kit reference), in characters or items. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionTextChars: 3000,
  fieldChars: 2000,
  fieldsPerSection: 10,
  headerChars: 150,
  buttonLabelChars: 75,
  buttonValueChars: 2000,
  buttonsPerActions: 25,
  /** Notification fallback text; Slack truncates `text` far later (40,000), but notifications show little. */
  fallbackChars: 3000,
  /** Text per message across its blocks: kept well under where Slack answers `msg_blocks_too_long`. */
  messageChars: 12_000,
} as const;

/** Prefix of every button's action_id; the adapter listens for exactly these. */
export const CHOICE_ACTION_PREFIX = 'crm_choice_';

/** One Block Kit block, as far as this adapter builds them. */
export type SlackBlock = Record<string, unknown> & { type: string };

/** One chat.postMessage worth of content. */
export interface SlackMessage {
  /** Plain fallback for notifications and clients without blocks. */
  text: string;
  blocks: SlackBlock[];
}

interface Part {
  block: SlackBlock;
  plain: string;
}

/** Groups parts into messages of at most 50 blocks and `messageChars` of text each. */
function pack(parts: Part[]): Part[][] {
  const messages: Part[][] = [];
  let current: Part[] = [];
  let chars = 0;
  for (const part of parts) {
    const size = JSON.stringify(part.block).length;
    if (current.length && (current.length >= SLACK_LIMITS.blocksPerMessage || chars + size > SLACK_LIMITS.messageChars)) {
      messages.push(current);
      current = [];
      chars = 0;
    }
    current.push(part);
    chars += size;
  }
  if (current.length) messages.push(current);
  return messages;
}

const section = (text: string): Part => ({ block: { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }, plain: text });
const context = (text: string): Part => ({ block: { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(text) }] }, plain: text });

function headerPart(title: string): Part {
  if (title.length <= SLACK_LIMITS.headerChars) return { block: { type: 'header', text: { type: 'plain_text', text: title, emoji: true } }, plain: title };
  return { block: { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(truncate(title, SLACK_LIMITS.sectionTextChars - 2))}*` } }, plain: title };
}

/** `*label*` over the value, cut so the escaped whole stays within a field's limit. */
function fieldText(label: string, value: string): string {
  const head = `*${escapeMrkdwn(truncate(label, 100))}*\n`;
  const [first = ''] = splitForSlack(value, SLACK_LIMITS.fieldChars - head.length);
  return head + escapeMrkdwn(first);
}

function fieldParts(fields: NonNullable<Reply['fields']>): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fieldsPerSection) {
    const group = fields.slice(i, i + SLACK_LIMITS.fieldsPerSection);
    parts.push({
      block: {
        type: 'section',
        fields: group.map((f) => ({ type: 'mrkdwn', text: fieldText(f.label, f.value) })),
      },
      plain: group.map((f) => `${f.label}: ${f.value}`).join('\n'),
    });
  }
  return parts;
}

function choiceParts(choices: NonNullable<Reply['choices']>): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < choices.length; i += SLACK_LIMITS.buttonsPerActions) {
    const group = choices.slice(i, i + SLACK_LIMITS.buttonsPerActions);
    parts.push({
      block: {
        type: 'actions',
        elements: group.map((c, j) => ({
          type: 'button',
          action_id: `${CHOICE_ACTION_PREFIX}${i + j}`,
          text: { type: 'plain_text', text: truncate(c.label, SLACK_LIMITS.buttonLabelChars), emoji: true },
          value: c.value.slice(0, SLACK_LIMITS.buttonValueChars),
        })),
      },
      plain: group.map((c) => `[${c.label}]`).join(' '),
    });
  }
  return parts;
}

/**
 * Renders a Reply as Block Kit: a header for the title, sections for the text, fields and
 * bullet items, buttons in actions blocks. Long replies become several messages, buttons last.
 * `note` adds a context line (e.g. what happened to an image that could not be attached).
 */
export function renderReply(reply: Reply, note?: string): SlackMessage[] {
  const parts: Part[] = [];
  if (reply.title) parts.push(headerPart(reply.title));
  for (const piece of splitForSlack(reply.text, SLACK_LIMITS.sectionTextChars)) parts.push(section(piece));
  if (reply.fields?.length) parts.push(...fieldParts(reply.fields));
  const bullets = (reply.items ?? []).map((item) => `• ${item}`).join('\n');
  for (const piece of splitForSlack(bullets, SLACK_LIMITS.sectionTextChars)) parts.push(section(piece));
  if (note) parts.push(context(note));
  if (reply.choices?.length) parts.push(...choiceParts(reply.choices));
  if (!parts.length) parts.push(section(' '));

  return pack(parts).map((chunk) => ({ text: truncate(chunk.map((p) => p.plain).join('\n'), SLACK_LIMITS.fallbackChars), blocks: chunk.map((p) => p.block) }));
}
