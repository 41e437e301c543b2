/** English number words up to twelve, as people write counts and scores. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12,
};

/** Regex source matching a small count: digits, a number word, "a"/"an", "a couple of", "a few". */
export const COUNT_SOURCE =
  '\\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|a\\s+couple(?:\\s+of)?|couple(?:\\s+of)?|a\\s+few|few';

/** The value of a count matched by COUNT_SOURCE ("a couple of" is 2, "a few" is 3). */
export function countValue(word: string): number {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'a' || w === 'an') return 1;
  if (w.includes('couple')) return 2;
  if (w.includes('few')) return 3;
  return NUMBER_WORDS[w] ?? 1;
}
