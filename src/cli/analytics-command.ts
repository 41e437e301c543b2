/** `crm analytics fit <purchases.csv> [--until YYYY-MM-DD] [--unit days|weeks]`: fits BG/NBD and Gamma-Gamma, prints JSON. */

import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { parseCalendarDate } from '../analytics/calendar.ts';
import { fitCustomerValueModels } from '../analytics/customer-value.ts';
import { summarisePurchases, type PurchaseRow, type TimeUnit } from '../analytics/transactions.ts';

/** Where the command writes: one JSON line to `out`, one-line errors to `err`. */
export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'usage: crm analytics fit <purchases.csv> [--until YYYY-MM-DD] [--unit days|weeks]';
const EXPECTED_HEADER = ['customer_id', 'date', 'amount'];
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_BAD_INPUT = 2;

/** Input the user can fix; reported as one line with exit code 2. */
class BadInputError extends Error {}

/** Runs `crm analytics <args>` (args after the word "analytics") and returns the exit code. */
export async function runAnalyticsCommand(args: string[], io: CommandIo): Promise<number> {
  try {
    const options = parseFitArgs(args);
    const rows = await readPurchasesCsv(options.file);
    const summaries = summarisePurchases(rows, { until: options.until, unit: options.unit });
    if (summaries.customers.length === 0) throw new BadInputError(`no purchases on or before ${options.until ?? 'the last date'}`);
    const fit = fitCustomerValueModels(summaries.customers);
    if (!fit.bgnbd.converged || !fit.gammaGamma.converged) io.err('warning: the optimiser stopped before converging; treat the figures with care');
    const { r, alpha, a, b } = fit.bgnbd.params;
    const { p, q, gamma } = fit.gammaGamma.params;
    io.out(
      JSON.stringify({
        r,
        alpha,
        a,
        b,
        p,
        q,
        gamma,
        logLikelihood: fit.bgnbd.logLikelihood,
        gammaGammaLogLikelihood: fit.gammaGamma.logLikelihood,
        customers: fit.bgnbd.customers,
      }),
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof BadInputError || error instanceof RangeError) {
      io.err(`crm analytics: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    io.err(`crm analytics: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  }
}

interface FitOptions {
  file: string;
  until?: string;
  unit: TimeUnit;
}

function parseFitArgs(args: readonly string[]): FitOptions {
  const [command, ...rest] = args;
  if (command !== 'fit') throw new BadInputError(command === undefined ? USAGE : `unknown subcommand "${command}"; ${USAGE}`);
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inlineValue] = arg.slice(2).split(/=(.*)/s, 2);
    if (name !== 'until' && name !== 'unit') throw new BadInputError(`unknown option --${name}; ${USAGE}`);
    const value = inlineValue ?? rest[++i];
    if (value === undefined) throw new BadInputError(`--${name} needs a value; ${USAGE}`);
    flags.set(name, value);
  }
  const [file, ...extra] = positional;
  if (file === undefined || extra.length > 0) throw new BadInputError(USAGE);
  const until = flags.get('until');
  if (until !== undefined && parseCalendarDate(until) === undefined) throw new BadInputError(`--until must be a date YYYY-MM-DD, got "${until}"`);
  const unit = flags.get('unit') ?? 'weeks';
  if (unit !== 'days' && unit !== 'weeks') throw new BadInputError(`--unit must be days or weeks, got "${unit}"`);
  return { file, until, unit };
}

async function readPurchasesCsv(file: string): Promise<PurchaseRow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'read failed')}`);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with its line number.
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new BadInputError(`${file} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...body] = records;
  if (header?.record.join(',').toLowerCase() !== EXPECTED_HEADER.join(',')) {
    throw new BadInputError(`${file}: the first line must be the header ${EXPECTED_HEADER.join(',')}`);
  }
  return body.map(({ record: [customerId = '', date = '', amountText = ''], info: { lines: line } }) => {
    if (customerId === '') throw new BadInputError(`${file} line ${line}: customer_id is empty`);
    if (parseCalendarDate(date) === undefined) throw new BadInputError(`${file} line ${line}: date must be YYYY-MM-DD, got "${date}"`);
    const amount = amountText === '' ? Number.NaN : Number(amountText);
    if (!Number.isFinite(amount)) throw new BadInputError(`${file} line ${line}: amount must be a number, got "${amountText}"`);
    if (amount < 0) throw new BadInputError(`${file} line ${line}: amount must not be negative, got ${amountText}`);
    return { customerId, date, amount };
  });
}
