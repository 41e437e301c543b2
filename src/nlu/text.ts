/** Longest message the parser reads; longer ones are answered `unknown` with reason `too_long`. */
export const MAX_MESSAGE_CHARS = 10_000;

// Control characters (except newline) and invisible formatting characters carry no meaning here.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202F\u2060-\u206F\uFEFF\uFFF9-\uFFFC]/g;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}\u{FE0E}\u{FE0F}\u{20E3}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when nothing visible is left once whitespace, control and invisible characters are removed. */
export function isBlank(raw: string): boolean {
  return raw.replace(CONTROL, '').replace(LONE_SURROGATE, '').trim() === '';
}

// Emoji between two words, with a space after them, end a clause: "zoom w/ Jane 👍 they'll sign".
const EMOJI_BETWEEN_WORDS = new RegExp(`(?<=[\\p{L}\\p{N})\\]'’])\\s*(?:${EMOJI.source})+\\s+(?=[\\p{L}\\p{N}])`, 'gu');

// Removes emoji, keeping the words around them.
function stripEmoji(text: string): string {
  return text.replace(EMOJI_BETWEEN_WORDS, ', ').replace(EMOJI, ' ');
}

// Collapses runs of spaces and removes spaces before punctuation.
function tidySpaces(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(/ +([,.;:!?)])/g, '$1').replace(/\( +/g, '(').trim();
}

// "Fwd:", "[fwd]", "Fwd from Slack:" (the message then often in quotes) open a forwarded message.
const FORWARD = /^(?:\[(?:fwd?|fw|forwarded)\]\s*|(?:fwd?|fw|forwarded)(?:\s+from\s+[\p{L}\d .'-]{1,30}?)?\s*:\s*)+/iu;

function withoutForward(line: string): string {
  const rest = line.replace(FORWARD, '');
  if (rest === line) return line;
  return /^"[^"]+"$/.test(rest) ? rest.slice(1, -1) : rest;
}

// "Fwd:", FORWARD's forms, quoted "> " lines and chat-export prefixes ("[10:32] Jane:") wrap the real message.
function unwrapForward(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const isQuote = (l: string): boolean => l.startsWith('>');
  const own = lines.filter((l) => !isQuote(l) && !/^-{2,}.*forwarded.*-{2,}$/i.test(l));
  const chosen = own.length > 0 ? own : lines.map((l) => l.replace(/^(?:>\s*)+/, ''));
  return chosen
    .map((l) => withoutForward(l).replace(/^\[\d{1,2}:\d{2}(?::\d{2})?\]\s*/, ''))
    .filter(Boolean)
    .join(', ');
}

// Emoji that stand for a word when they open a message ("📞 Acme - renewal confirmed").
const EMOJI_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\s*(?:📞|☎️?|📱)\s*/u, 'called '],
  [/^\s*(?:📧|✉️?|📩|📨)\s*/u, 'emailed '],
  [/^\s*(?:✅|✔️?|☑️?)(?![\s\uFE0F]*(?:done|finished|completed?)\b)\s*/iu, 'done: '],
];

/**
 * The text the parser works on: control and invisible characters removed, quotes and dashes made
 * plain, emoji dropped, a forwarded or quoted wrapper unwrapped, spaces collapsed. Never throws.
 */
export function normalizeMessage(raw: string): string {
  const plain = raw
    .replace(LONE_SURROGATE, ' ')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, ' ')
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/\u00A0/g, ' ');
  const worded = EMOJI_WORDS.reduce((s, [re, word]) => s.replace(re, word), plain);
  // "/help", "/pipeline": a slash command typed where the bot has none is the word itself.
  return tidySpaces(unwrapForward(stripEmoji(worded)).replace(/\s*\n\s*/g, ', ')).replace(/^\/(?=\p{L})/u, '');
}

/** Removes surrounding quotes, leading separators and trailing punctuation from a slot value. */
export function cleanValue(text: string): string {
  const value = text
    .replace(/^[\s,;:.!?\-–—"'«(]+/u, '')
    .replace(/[\s,;:.!?\-–—"'»)]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A bracket opened inside the value keeps its closing one: "new PoC is Aparna Das (aparna@x.com)".
  const unclosed = (value.match(/\(/g)?.length ?? 0) > (value.match(/\)/g)?.length ?? 0);
  return unclosed && /\)[\s,;:.!?"'»]*$/u.test(text) ? `${value})` : value;
}

/** Drops a leading article or determiner ("the annual plan" → "annual plan"). */
export function dropArticle(text: string): string {
  return text.replace(/^(?:the|a|an|my|our|their|that|this)\s+/i, '');
}

/**
 * Splits text into clauses at commas, semicolons, colons, dashes, full stops and newlines. The dot
 * of a title or an extension ("Dr. Osei", "ext. 40") ends no clause.
 */
export function clauses(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const sep = /\s*(?:,(?!\d)|;|(?<!\bre):(?!\d)|(?<!\b(?:[Dd]r|[Mm]rs?|[Mm]s|[Pp]rof|[Ee]xt))(?<!\b(?:Co|Inc|Ltd|Corp|Bros|Pvt|Pte|St|Jr|Sr)(?=\.\s+\p{Ll}))\.(?=\s|$)|!+(?=\s|$)|\s[-–—]+\s|\s\|\s)\s*/gu;
  let last = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    if (m[0].length === 0) {
      sep.lastIndex++;
      continue;
    }
    out.push({ text: text.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), start: last });
  return out.filter((c) => c.text.trim().length > 0);
}
