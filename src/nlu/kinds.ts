import type { InteractionKind } from '../core/command.ts';

// LABELING.md's word lists. "video call" and "zoom" are meetings, so meetings are tried first at
// each position; the kind is the one whose word comes first in the message.
const KIND_WORDS: ReadonlyArray<readonly [InteractionKind, RegExp]> = [
  ['note', /^(?:note\b|fyi\b|nb\b|n\.b\.)/i],
  ['meeting', /\b(?:mtg|video\s*call|video\s*chat|zoom(?:ed)?|facetime(?:d|'d)?|skype|teams\s+call|bumped\s+into|google\s+meet|g?meet(?:ing)?s?|met|lunch|coffee|dinner|breakfast|drinks|demo(?:ed|'d)?|visit(?:ed)?|(?:stopped|dropped|popped|came)\s+(?:by|in)|session|on-?site|in\s+person|sat\s+down|catch[- ]?up)\b/i],
  ['call', /\b(?:whats\s?app\s+call|huddle|telefonat|call(?:ed|s)?|phone\s+call|phoned|phone|rang|ring|spoke|speak|talked|dialed|dialled|voicemail|vm)\b/i],
  ['email', /\b(?:e-?mail(?:ed)?|mail|mailed|wrote(?:\s+to)?|sent\s+(?:an?\s+)?e-?mail)\b/i],
  ['message', /\b(?:messag(?:ed|e)|msg|texted|text|sms|dm'?d|dmed|dm|pinged|ping|chatted|chat|whats\s?app(?:ed|'d)?|slack(?:ed|'d)?|telegram(?:med)?|signal|tg|zalo|viber|wechat)\b/i],
];

/** Maps a kind word as used in "log <kind> with X: ..." to its kind ("phone" → call, "mtg" → meeting). */
export function kindFromWord(word: string): InteractionKind | undefined {
  const w = word.toLowerCase();
  if (/^(call|phone|phonecall)$/.test(w)) return 'call';
  if (/^(email|e-mail|mail)$/.test(w)) return 'email';
  if (/^(meeting|mtg|meet|lunch|coffee|demo|visit|zoom)$/.test(w)) return 'meeting';
  if (/^(message|msg|text|sms|dm|chat|ping|whatsapp|slack)$/.test(w)) return 'message';
  if (/^(note|fyi)$/.test(w)) return 'note';
  return undefined;
}

/** The interaction kind of a logged interaction, from the first kind word the message uses. */
export function detectKind(text: string): InteractionKind | undefined {
  let best: InteractionKind | undefined;
  let bestAt = Infinity;
  for (const [kind, re] of KIND_WORDS) {
    const m = re.exec(text);
    if (m && m.index < bestAt) {
      best = kind;
      bestAt = m.index;
    }
  }
  return best;
}
