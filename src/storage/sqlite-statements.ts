import type BetterSqlite3 from 'better-sqlite3';

type Row = Record<string, unknown>;
type Param = string | number | bigint | boolean | Date | Buffer | null | undefined;
/** Positional values for `?`, or one object of named values for `@name`. */
type Params = Param[] | [Record<string, Param>];

/** SQLite's own CURRENT_TIMESTAMP form (UTC without a zone), which `new Date` would read as local time. */
const SQLITE_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Dates are stored as Prisma's SQLite adapter stores them, so both read each other's rows. */
export function toSqliteDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

function fromSqliteDate(value: unknown): unknown {
  if (typeof value === 'string') return new Date(SQLITE_TIMESTAMP.test(value) ? `${value.replace(' ', 'T')}Z` : value);
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  return value;
}

function toParam(value: Param): string | number | bigint | Buffer | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return toSqliteDate(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function toParams(params: Params): unknown[] {
  const [first] = params;
  if (params.length === 1 && first !== null && typeof first === 'object' && !(first instanceof Date) && !Buffer.isBuffer(first)) {
    return [Object.fromEntries(Object.entries(first).map(([k, v]) => [k, toParam(v)]))];
  }
  return (params as Param[]).map(toParam);
}

interface Prepared {
  statement: BetterSqlite3.Statement;
  /** Turns a raw row into the record the core expects (Date and boolean columns by declared type). */
  map: (row: Row) => Row;
}

function rowMapper(statement: BetterSqlite3.Statement): (row: Row) => Row {
  if (!statement.reader) return (row) => row;
  const columns = statement.columns();
  const dates = columns.filter((c) => c.type?.toUpperCase() === 'DATETIME').map((c) => c.name);
  const flags = columns.filter((c) => c.type?.toUpperCase() === 'BOOLEAN').map((c) => c.name);
  if (dates.length === 0 && flags.length === 0) return (row) => row;
  return (row) => {
    for (const name of dates) if (row[name] !== null) row[name] = fromSqliteDate(row[name]);
    for (const name of flags) if (row[name] !== null) row[name] = row[name] === 1 || row[name] === 1n;
    return row;
  };
}

/** Prepared statements on one better-sqlite3 connection, each prepared once and kept. */
export class SqliteStatements {
  private readonly cache = new Map<string, Prepared>();
  private readonly tableColumns = new Map<string, Set<string>>();

  constructor(readonly connection: BetterSqlite3.Database) {}

  private prepared(sql: string): Prepared {
    let entry = this.cache.get(sql);
    if (!entry) {
      // Prisma's adapter turns on BigInt integers for the connection; the core's ids are plain numbers.
      const statement = this.connection.prepare(sql).safeIntegers(false);
      entry = { statement, map: rowMapper(statement) };
      this.cache.set(sql, entry);
    }
    return entry;
  }

  all<T>(sql: string, ...params: Params): T[] {
    const { statement, map } = this.prepared(sql);
    return (statement.all(...toParams(params)) as Row[]).map(map) as T[];
  }

  get<T>(sql: string, ...params: Params): T | undefined {
    const { statement, map } = this.prepared(sql);
    const row = statement.get(...toParams(params)) as Row | undefined;
    return row === undefined ? undefined : (map(row) as T);
  }

  /** Runs a statement that returns no rows; the number of rows it changed. */
  run(sql: string, ...params: Params): number {
    return this.prepared(sql).statement.run(...toParams(params)).changes;
  }

  /** The columns of a table, read once. */
  columnsOf(table: string): Set<string> {
    let columns = this.tableColumns.get(table);
    if (!columns) {
      columns = new Set((this.connection.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name));
      this.tableColumns.set(table, columns);
    }
    return columns;
  }
}
