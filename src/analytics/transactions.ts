/** Turns purchase rows into per-customer calibration summaries (x, t_x, T, zbar) as the BTYD literature defines them. */

import type { RepeatPurchaseHistory } from './bgnbd.ts';
import { createCalendarDayOf, type DateInput } from './calendar.ts';
import type { SpendHistory } from './gamma-gamma.ts';

/** A customer identifier as the caller stores it; do not mix numbers and strings for one customer. */
export type CustomerKey = string | number;

/** Model time unit. */
export type TimeUnit = 'days' | 'weeks';

/** Days in one model time unit. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7 };

/** One purchase; `amount` is money in major units (e.g. dollars) and must be >= 0. */
export interface PurchaseRow {
  customerId: CustomerKey;
  date: DateInput;
  amount: number;
}

/** Options of summarisePurchases. */
export interface PurchaseSummaryOptions {
  /** Last calendar day of calibration, inclusive (default: the last purchase day); later purchases are ignored. */
  until?: DateInput;
  /** Time unit of t_x and T (default weeks). */
  unit?: TimeUnit;
  /** Time zone whose calendar days group purchases (default UTC). */
  timeZone?: string;
}

/** One customer's calibration summary; x, t_x, T are in the chosen unit, money in the rows' unit. */
export interface CustomerPurchaseSummary extends RepeatPurchaseHistory, SpendHistory {
  customerId: CustomerKey;
  /** Distinct purchase days, the first included (x + 1). */
  purchases: number;
  /** Total spent in calibration, the first purchase included. */
  revenue: number;
  /** Day numbers (days since 1970-01-01) of the first and last purchase days. */
  firstPurchaseDay: number;
  lastPurchaseDay: number;
  daysSinceLastPurchase: number;
}

/** Summaries of every customer who bought by the end of calibration, in order of first appearance in the rows. */
export interface PurchaseSummaries {
  customers: CustomerPurchaseSummary[];
  /** Day number of the last calibration day. */
  untilDay: number;
  unit: TimeUnit;
}

/**
 * Builds calibration summaries: purchases by one customer on one calendar day count as one transaction
 * (amounts summed); the first day is not a repeat; zbar is the mean value of repeat days (0 without repeats).
 * Throws RangeError on a bad date or a negative or non-numeric amount.
 */
export function summarisePurchases(rows: Iterable<PurchaseRow>, options: PurchaseSummaryOptions = {}): PurchaseSummaries {
  const unit = options.unit ?? 'weeks';
  const daysPerUnit = DAYS_PER_UNIT[unit];
  const dayOf = createCalendarDayOf(options.timeZone);
  const customerIndex = new Map<CustomerKey, number>();
  const customerKeys: CustomerKey[] = [];
  const columns = new PurchaseColumns();
  let lastDay = Number.NEGATIVE_INFINITY;
  let previousKey: CustomerKey | undefined;
  let previousIndex = -1;
  for (const row of rows) {
    if (!(typeof row.amount === 'number' && Number.isFinite(row.amount) && row.amount >= 0)) {
      throw new RangeError(`amount must be a non-negative number, got ${String(row.amount)} for customer ${String(row.customerId)}`);
    }
    // Rows read per customer repeat the previous key most of the time; skipping the map lookup then is cheap.
    let index = row.customerId === previousKey ? previousIndex : customerIndex.get(row.customerId);
    if (index === undefined) {
      index = customerKeys.length;
      customerIndex.set(row.customerId, index);
      customerKeys.push(row.customerId);
    }
    previousKey = row.customerId;
    previousIndex = index;
    const day = dayOf(row.date);
    if (day > lastDay) lastDay = day;
    columns.push(index, day, row.amount);
  }
  const untilDay = options.until === undefined ? lastDay : dayOf(options.until);
  const customers: CustomerPurchaseSummary[] = [];
  const { customer: rowCustomer, day: rowDay, amount: rowAmount } = columns.trimmed();
  forEachCustomerRows(rowCustomer, customerKeys.length, (customer, rowIndexes) => {
    // Rows usually arrive in date order per customer; sort only when they do not.
    if (!isSortedBy(rowIndexes, rowDay)) rowIndexes.sort((left, right) => (rowDay[left] ?? 0) - (rowDay[right] ?? 0));
    const summary = summariseCustomer(customerKeys[customer] as CustomerKey, rowIndexes, rowDay, rowAmount, untilDay, daysPerUnit);
    if (summary) customers.push(summary);
  });
  return { customers, untilDay, unit };
}

/** Growable typed columns: a million rows as plain number arrays cost twice the time and memory. */
class PurchaseColumns {
  customer = new Int32Array(1024);
  day = new Int32Array(1024);
  amount = new Float64Array(1024);
  length = 0;

  push(customer: number, day: number, amount: number): void {
    if (this.length === this.customer.length) {
      this.customer = grown(this.customer, new Int32Array(2 * this.length));
      this.day = grown(this.day, new Int32Array(2 * this.length));
      this.amount = grown(this.amount, new Float64Array(2 * this.length));
    }
    this.customer[this.length] = customer;
    this.day[this.length] = day;
    this.amount[this.length] = amount;
    this.length += 1;
  }

  trimmed(): { customer: Int32Array; day: Int32Array; amount: Float64Array } {
    return { customer: this.customer.subarray(0, this.length), day: this.day.subarray(0, this.length), amount: this.amount.subarray(0, this.length) };
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function forEachCustomerRows(rowCustomer: Int32Array, customerCount: number, visit: (customer: number, rowIndexes: Int32Array) => void): void {
  // A counting sort groups a million rows by customer in linear time.
  const starts = new Int32Array(customerCount + 1);
  for (const customer of rowCustomer) starts[customer + 1] = (starts[customer + 1] ?? 0) + 1;
  for (let customer = 0; customer < customerCount; customer++) starts[customer + 1] = (starts[customer + 1] ?? 0) + (starts[customer] ?? 0);
  const next = starts.slice(0, customerCount);
  const ordered = new Int32Array(rowCustomer.length);
  for (let row = 0; row < rowCustomer.length; row++) {
    const customer = rowCustomer[row] ?? 0;
    const slot = next[customer] ?? 0;
    ordered[slot] = row;
    next[customer] = slot + 1;
  }
  for (let customer = 0; customer < customerCount; customer++) {
    visit(customer, ordered.subarray(starts[customer] ?? 0, starts[customer + 1] ?? 0));
  }
}

function isSortedBy(rowIndexes: Int32Array, rowDay: Int32Array): boolean {
  for (let i = 1; i < rowIndexes.length; i++) {
    if ((rowDay[rowIndexes[i] ?? 0] ?? 0) < (rowDay[rowIndexes[i - 1] ?? 0] ?? 0)) return false;
  }
  return true;
}

function summariseCustomer(
  customerId: CustomerKey,
  rowIndexes: Int32Array,
  rowDay: Int32Array,
  rowAmount: Float64Array,
  untilDay: number,
  daysPerUnit: number,
): CustomerPurchaseSummary | undefined {
  let firstDay = Number.NaN;
  let currentDay = Number.NaN;
  let purchases = 0;
  let revenue = 0;
  let firstDayAmount = 0;
  for (const row of rowIndexes) {
    const day = rowDay[row] ?? 0;
    if (day > untilDay) break;
    const amount = rowAmount[row] ?? 0;
    if (purchases === 0) firstDay = day;
    if (day !== currentDay) {
      purchases += 1;
      currentDay = day;
    }
    if (day === firstDay) firstDayAmount += amount;
    revenue += amount;
  }
  if (purchases === 0) return undefined;
  const x = purchases - 1;
  return {
    customerId,
    x,
    tx: (currentDay - firstDay) / daysPerUnit,
    T: (untilDay - firstDay) / daysPerUnit,
    zbar: x > 0 ? (revenue - firstDayAmount) / x : 0,
    purchases,
    revenue,
    firstPurchaseDay: firstDay,
    lastPurchaseDay: currentDay,
    daysSinceLastPurchase: untilDay - currentDay,
  };
}
