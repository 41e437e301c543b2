import { describe, expect, it } from 'vitest';
import { summarisePurchases } from '../../src/analytics/transactions.ts';
import { CDNOW_AVAILABLE, cdnowSampleAsPurchasesCsv, readCdnowCustomers } from './cdnow-fixtures.ts';

const rows = [
  { customerId: 'ann', date: '2026-01-01', amount: 10 },
  { customerId: 'ann', date: '2026-01-01', amount: 5 }, // same day: one transaction of 15
  { customerId: 'bob', date: '2026-01-20', amount: 8 },
  { customerId: 'ann', date: '2026-01-22', amount: 30 }, // out of order on purpose
  { customerId: 'ann', date: '2026-01-08', amount: 20 },
  { customerId: 'ann', date: '2026-02-10', amount: 99 }, // after calibration
  { customerId: 'cat', date: '2026-02-03', amount: 4 }, // first purchase after calibration
];

describe('summarisePurchases', () => {
  it('builds x, t_x, T and zbar in weeks: same-day rows merged, first purchase not a repeat, later rows ignored', () => {
    const { customers, untilDay, unit } = summarisePurchases(rows, { until: '2026-01-31' });
    expect(unit).toBe('weeks');
    expect(customers.map((customer) => customer.customerId)).toEqual(['ann', 'bob']);
    const [ann, bob] = customers;
    // Days 0 (15), 7 (20) and 21 (30): two repeats, last at 3 weeks, age 30 days, repeat mean (20 + 30)/2.
    expect(ann).toMatchObject({ x: 2, tx: 3, zbar: 25, purchases: 3, revenue: 65, daysSinceLastPurchase: 9 });
    expect(ann?.T).toBeCloseTo(30 / 7, 12);
    expect(bob).toMatchObject({ x: 0, tx: 0, zbar: 0, purchases: 1, revenue: 8, daysSinceLastPurchase: 11 });
    expect(bob?.T).toBeCloseTo(11 / 7, 12);
    expect(untilDay - (ann?.firstPurchaseDay ?? 0)).toBe(30);
  });

  it('measures in days when asked and ends calibration at the last purchase by default', () => {
    const { customers } = summarisePurchases(rows, { unit: 'days' });
    const ann = customers.find((customer) => customer.customerId === 'ann');
    // Default end is 2026-02-10, the last purchase: ann now has 3 repeats, the last 40 days after the first.
    expect(ann).toMatchObject({ x: 3, tx: 40, T: 40, zbar: (20 + 30 + 99) / 3 });
    expect(customers.map((customer) => customer.customerId)).toEqual(['ann', 'bob', 'cat']);
  });

  it('groups instants by calendar day in the given time zone', () => {
    const late = [
      { customerId: 1, date: '2026-01-01T23:30:00.000Z', amount: 1 },
      { customerId: 1, date: new Date('2026-01-02T00:30:00.000Z'), amount: 2 },
    ];
    expect(summarisePurchases(late, { timeZone: 'UTC' }).customers[0]?.x).toBe(1);
    // 18:30 and 19:30 on 1 January in New York: one purchase day.
    expect(summarisePurchases(late, { timeZone: 'America/New_York' }).customers[0]).toMatchObject({ x: 0, revenue: 3 });
  });

  it('rejects negative amounts and bad dates', () => {
    expect(() => summarisePurchases([{ customerId: 1, date: '2026-01-01', amount: -1 }])).toThrow(RangeError);
    expect(() => summarisePurchases([{ customerId: 1, date: 'yesterday', amount: 1 }])).toThrow(RangeError);
  });
});

describe.skipIf(!CDNOW_AVAILABLE)('summarisePurchases on CDNOW_sample.txt', () => {
  it('rebuilds the published calibration summary of all 2,357 customers', () => {
    const csvRows = cdnowSampleAsPurchasesCsv()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [customerId = '', date = '', amount = ''] = line.split(',');
        return { customerId: Number(customerId), date, amount: Number(amount) };
      });
    const { customers } = summarisePurchases(csvRows, { until: '1997-09-30', unit: 'weeks' });
    const reference = readCdnowCustomers();
    expect(customers).toHaveLength(reference.length);
    const byId = new Map(customers.map((customer) => [customer.customerId, customer]));
    let mismatches = 0;
    for (const expected of reference) {
      const actual = byId.get(expected.id);
      const matches =
        actual !== undefined &&
        actual.x === expected.x &&
        Math.abs(actual.tx - expected.tx) <= 0.005 + 1e-9 &&
        Math.abs(actual.T - expected.T) <= 0.005 + 1e-9 &&
        Math.abs(actual.zbar - expected.zbar) <= 0.005 + 1e-9;
      if (!matches) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });
});
