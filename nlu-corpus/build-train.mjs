// Builds train.jsonl from the hand-written sources in train-src/*.txt (`node nlu-corpus/build-train.mjs`).
// The sources carry hand-written labels; this script only converts the local wall times they are
// written in ("due=2026-12-01 09:00") to UTC for the block's zone, so that nobody has to do DST
// arithmetic by hand. It deliberately shares no code with the parser.
//
// Source format, one message per line:
//   @now 2026-11-24 10:00 America/New_York   sets `now` (local wall time) and `tz` for what follows
//   @as customer | @as operator              sets the speaker for what follows
//   <text> | <intent> | name=value; name=value ...
// `due` is a local wall time in the block's zone; `amount` and `score` are numbers.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// `node nlu-corpus/build-train.mjs dev-src dev.jsonl` builds the development split the same way.
const SRC = process.argv[2] ?? 'train-src';
const OUT = process.argv[3] ?? 'train.jsonl';

/** The wall time an instant shows in a zone, as "YYYY-MM-DD HH:MM". */
function wallTime(ms, tz) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (t) => parts.find((p) => p.type === t).value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The earliest instant whose wall time in `tz` is `local` (brute force over possible offsets). */
function toUtc(local, tz) {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`bad local time ${local}`);
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  for (let offsetMin = 14 * 60; offsetMin >= -14 * 60; offsetMin -= 15) {
    const ms = naive - offsetMin * 60_000;
    if (wallTime(ms, tz) === local) return new Date(ms).toISOString();
  }
  throw new Error(`${local} does not exist in ${tz}`);
}

const out = [];
for (const file of readdirSync(join(here, SRC)).filter((f) => f.endsWith('.txt')).sort()) {
  let now;
  let tz;
  let as = 'operator';
  const lines = readFileSync(join(here, SRC, file), 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (!line.trim() || line.startsWith('#')) return;
    const where = `${file}:${i + 1}`;
    if (line.startsWith('@now ')) {
      const [, date, time, zone] = line.split(/\s+/);
      tz = zone;
      now = toUtc(`${date} ${time}`, zone);
      return;
    }
    if (line.startsWith('@as ')) {
      as = line.slice(4).trim();
      return;
    }
    const cols = line.split(' | ');
    if (cols.length < 2 || cols.length > 3) throw new Error(`${where}: expected "text | intent | slots"`);
    const text = cols[0].replace(/\\n/g, '\n');
    const slots = {};
    for (const pair of (cols[2] ?? '').split('; ').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq < 0) throw new Error(`${where}: bad slot ${pair}`);
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (name === 'due') slots.dueAt = toUtc(value, tz);
      else if (name === 'amount' || name === 'score') slots[name] = Number(value);
      else slots[name] = value;
      if (Number.isNaN(slots[name])) throw new Error(`${where}: ${name} is not a number`);
    }
    if (!now) throw new Error(`${where}: no @now before the first message`);
    out.push(JSON.stringify({ text, now, tz, as, expected: { intent: cols[1].trim(), slots } }));
  });
}
writeFileSync(join(here, OUT), out.join('\n') + '\n');
console.log(`wrote ${out.length} messages to ${OUT}`);
