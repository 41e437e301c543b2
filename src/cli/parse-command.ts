import { toContract } from '../core/command.ts';
import type { Parser, Speaker } from '../core/parser.ts';
import { createParser } from '../nlu/index.ts';
import { canonicalTimeZone, zonedToUtc } from '../core/zone.ts';

/** Where `crm parse` reads and writes; stdin yields lines (only read with --batch). */
export interface ParseCommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: AsyncIterable<string>;
}

const USAGE =
  'usage: crm parse [--as operator|customer] [--now <ISO-8601>] [--tz <IANA zone>] --json "<message>"\n' +
  '       crm parse --batch   (JSON lines {"text","now","tz","as"} on stdin, one result line each)';

class UsageError extends Error {}

interface Options {
  as: Speaker;
  now?: Date;
  tz: string;
  batch: boolean;
  message?: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Reads an ISO-8601 instant; without an offset it is a wall time in `tz`. Undefined when invalid. */
function parseInstant(value: string, tz: string): Date | undefined {
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', , offset] = m;
  const day = { year: Number(y), month: Number(mo), day: Number(d) };
  const check = new Date(Date.UTC(day.year, day.month - 1, day.day));
  if (check.getUTCMonth() !== day.month - 1 || Number(h) > 23 || Number(mi) > 59) return undefined;
  if (!offset) return zonedToUtc(day, Number(h), Number(mi), tz);
  const ms = Date.parse(m[4] ? value.trim() : `${y}-${mo}-${d}T00:00:00${offset}`);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

function speaker(value: string): Speaker {
  if (value === 'operator' || value === 'customer') return value;
  throw new UsageError(`invalid --as "${value}": expected operator or customer`);
}

function zone(value: string): string {
  const tz = canonicalTimeZone(value);
  if (!tz) throw new UsageError(`invalid --tz "${value}": expected an IANA time zone such as Europe/Berlin or UTC`);
  return tz;
}

function parseArgs(args: string[]): Options {
  const opts: Options = { as: 'operator', tz: 'UTC', batch: false };
  let nowText: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (flag === '--as') opts.as = speaker(value());
    else if (flag === '--now') nowText = value();
    else if (flag === '--tz') opts.tz = zone(value());
    else if (flag === '--batch') opts.batch = true;
    else if (flag.startsWith('--') && flag !== '--json') throw new UsageError(`unknown option ${flag}`);
    else if (flag !== '--json') words.push(arg);
  }
  if (nowText !== undefined) {
    opts.now = parseInstant(nowText, opts.tz);
    if (!opts.now) throw new UsageError(`invalid --now "${nowText}": expected ISO-8601 such as 2026-11-24T15:00:00Z`);
  }
  if (!opts.batch && words.length === 0) throw new UsageError('no message given');
  if (opts.batch && words.length > 0) throw new UsageError('--batch reads messages from standard input, not arguments');
  if (words.length > 0) opts.message = words.join(' ');
  return opts;
}

// One request line of --batch; command-line options are the defaults for fields a line leaves out.
function parseLine(line: string, parse: Parser, defaults: Options): string {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return JSON.stringify({ intent: 'unknown', slots: {}, error: 'not valid JSON' });
  }
  const fail = (error: string): string => JSON.stringify({ intent: 'unknown', slots: {}, error });
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return fail('expected a JSON object');
  const r = request as Record<string, unknown>;
  if (typeof r.text !== 'string') return fail('"text" must be a string');
  const as = r.as ?? defaults.as;
  if (as !== 'operator' && as !== 'customer') return fail('"as" must be "operator" or "customer"');
  const tz = r.tz === undefined ? defaults.tz : typeof r.tz === 'string' ? canonicalTimeZone(r.tz) : undefined;
  if (!tz) return fail(`"tz" must be an IANA time zone such as Europe/Berlin`);
  const now = r.now === undefined ? (defaults.now ?? new Date()) : typeof r.now === 'string' ? parseInstant(r.now, tz) : undefined;
  if (!now) return fail('"now" must be an ISO-8601 time such as 2026-11-24T15:00:00Z');
  return JSON.stringify(toContract(parse(r.text, { now, timeZone: tz, as })));
}

/**
 * `crm parse`: prints the parse contract's JSON for one message, or with --batch one result line per
 * JSON request line read from stdin, in order (a malformed line answers with an "error" on its line).
 * Returns the exit code: 0, or 2 for bad options.
 */
export async function runParseCommand(args: string[], io: ParseCommandIo): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`crm parse: ${e.message}\n${USAGE}`);
    return 2;
  }
  const parse = createParser();
  if (!opts.batch) {
    io.out(JSON.stringify(toContract(parse(opts.message ?? '', { now: opts.now ?? new Date(), timeZone: opts.tz, as: opts.as }))));
    return 0;
  }
  for await (const raw of io.stdin) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    io.out(parseLine(line, parse, opts));
  }
  return 0;
}
