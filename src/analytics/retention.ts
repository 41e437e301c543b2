/** Retention rate and repeat purchase rate over a period of calendar days. */

import { createCalendarDayOf, type DateInput } from './calendar.ts';
import type { CustomerKey, PurchaseRow } from './transactions.ts';

/** A period of calendar days, both ends inclusive, in `timeZone` (default UTC). */
export interface PeriodBounds {
  from: DateInput;
  to: DateInput;
  timeZone?: string;
}

/** Customers kept out of those who bought in the previous period; `rate` is null when nobody bought then. */
export interface RetentionResult {
  rate: number | null;
  retained: number;
  startingCustomers: number;
}

/** Buyers of the period who came back within it; `rate` is null when nobody bought. */
export interface RepeatPurchaseRateResult {
  rate: number | null;
  repeatBuyers: number;
  buyers: number;
}

type DatedPurchase = Pick<PurchaseRow, 'customerId' | 'date'>;

/**
 * Share of customers who bought in the equally long period just before `period` and bought again within it
 * (customers acquired during the period do not count, as in (E − N) / S).
 */
export function retentionRate(purchases: Iterable<DatedPurchase>, period: PeriodBounds): RetentionResult {
  const dayOf = createCalendarDayOf(period.timeZone);
  const fromDay = dayOf(period.from);
  const toDay = dayOf(period.to);
  const previousFromDay = fromDay - (toDay - fromDay + 1);
  const before = new Set<CustomerKey>();
  const during = new Set<CustomerKey>();
  for (const purchase of purchases) {
    const day = dayOf(purchase.date);
    if (day >= previousFromDay && day < fromDay) before.add(purchase.customerId);
    else if (day >= fromDay && day <= toDay) during.add(purchase.customerId);
  }
  let retained = 0;
  for (const customer of before) if (during.has(customer)) retained += 1;
  return { rate: before.size > 0 ? retained / before.size : null, retained, startingCustomers: before.size };
}

/** Share of the period's buyers who bought on two or more distinct calendar days within it. */
export function repeatPurchaseRate(purchases: Iterable<DatedPurchase>, period: PeriodBounds): RepeatPurchaseRateResult {
  const dayOf = createCalendarDayOf(period.timeZone);
  const fromDay = dayOf(period.from);
  const toDay = dayOf(period.to);
  const daysByCustomer = new Map<CustomerKey, Set<number>>();
  for (const purchase of purchases) {
    const day = dayOf(purchase.date);
    if (day < fromDay || day > toDay) continue;
    const days = daysByCustomer.get(purchase.customerId) ?? new Set<number>();
    days.add(day);
    daysByCustomer.set(purchase.customerId, days);
  }
  let repeatBuyers = 0;
  for (const days of daysByCustomer.values()) if (days.size >= 2) repeatBuyers += 1;
  const buyers = daysByCustomer.size;
  return { rate: buyers > 0 ? repeatBuyers / buyers : null, repeatBuyers, buyers };
}
