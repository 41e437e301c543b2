/**
 * Splits text into pieces of at most `maxChars` UTF-16 units, preferring line breaks, then
 * spaces; never cuts a surrogate pair (Discord counts more strictly than code points).
 */
export function splitText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current) pieces.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= maxChars) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > maxChars) {
      const cut = cutPoint(rest, maxChars);
      pieces.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  flush();
  return pieces.length ? pieces : [''];
}

/** Truncates to `maxChars` with an ellipsis, surrogate-safe. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, safeIndex(text, maxChars - 1))}…`;
}

function cutPoint(line: string, maxChars: number): number {
  const space = line.lastIndexOf(' ', maxChars);
  // A space too early would leave a tiny piece; cut hard instead.
  if (space > maxChars / 2) return space;
  return safeIndex(line, maxChars);
}

function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}
