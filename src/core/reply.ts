/** A labelled value shown as a key/value row. */
export interface Field {
  label: string;
  value: string;
}

/** A button; pressing it sends `value` back as an InboundMessage `button`. */
export interface Choice {
  label: string;
  value: string;
}

/** A picture attached to a reply (charts). */
export interface ReplyImage {
  /** PNG bytes. */
  png: Uint8Array;
  /** Short description, used as alt text and file name stem. */
  alt: string;
}

/** A file attached to a reply (exports). */
export interface ReplyFile {
  name: string;
  mime: string;
  data: Uint8Array;
}

/** What the reply is, so channels can style it. */
export type ReplyTone = 'ok' | 'info' | 'question' | 'error' | 'refused';

/** One platform-neutral answer; each adapter renders it natively. */
export interface Reply {
  tone: ReplyTone;
  /** The main line(s); always present so a plain-text channel loses nothing essential. */
  text: string;
  /** Optional title for list-like answers (summaries, reports). */
  title?: string;
  fields?: Field[];
  /** Bullet lines. */
  items?: string[];
  /** Buttons (or numbered options on the console). */
  choices?: Choice[];
  image?: ReplyImage;
  file?: ReplyFile;
}

/** Builds a reply; a tiny helper so call sites read like sentences. */
export function reply(tone: ReplyTone, text: string, extra: Omit<Reply, 'tone' | 'text'> = {}): Reply {
  return { tone, text, ...extra };
}

/** Renders a Reply as plain text (console, logs of the outbox, platforms' fallback text). */
export function replyToPlainText(r: Reply, numberChoices = false): string {
  const lines: string[] = [];
  if (r.title) lines.push(r.title);
  lines.push(r.text);
  for (const f of r.fields ?? []) lines.push(`  ${f.label}: ${f.value}`);
  for (const item of r.items ?? []) lines.push(`  • ${item}`);
  (r.choices ?? []).forEach((c, i) => lines.push(numberChoices ? `  ${i + 1}. ${c.label}` : `  [${c.label}]`));
  return lines.join('\n');
}
