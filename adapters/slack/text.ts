/** Escapes the three characters Slack's mrkdwn treats as markup (&, <, >). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Turns Slack's encoded message text back into what the user typed. */
export function slackTextToPlain(text: string, botUserId?: string): string {
  let out = text;
  // The bot's own mention addresses the bot; it is not part of the command.
  if (botUserId) out = out.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>:?`, 'g'), ' ');
  out = out.replace(/<([^<>]+)>/g, (whole, inner: string) => {
    // Other people's mentions stay as <@U123>: "link <@U123> to Jane" needs the id.
    if (inner.startsWith('@')) return `<${inner.split('|')[0]}>`;
    const [target = '', label] = inner.split('|');
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
    // Links, mailto: and tel: Slack added around what the user typed: keep what they typed.
    if (label) return label;
    return target.replace(/^(mailto|tel):/, '');
  });
  out = out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return out.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/** Cuts text into pieces whose escaped form fits `maxChars`, preferring line then word breaks. */
export function splitForSlack(text: string, maxChars: number): string[] {
  const fits = (s: string) => escapeMrkdwn(s).length <= maxChars;
  if (fits(text)) return text ? [text] : [];
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current) pieces.push(current);
    current = '';
  };
  const add = (unit: string, joiner: string) => {
    const candidate = current ? current + joiner + unit : unit;
    if (fits(candidate)) {
      current = candidate;
      return;
    }
    flush();
    if (fits(unit)) current = unit;
    else if (joiner === '\n') for (const word of unit.split(' ')) add(word, ' ');
    else for (const char of unit) add(char, '');
  };
  for (const line of text.split('\n')) add(line, '\n');
  flush();
  return pieces;
}

/** Shortens text to `maxChars`, marking the cut with an ellipsis. */
export function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}
