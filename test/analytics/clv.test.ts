import { describe, expect, it } from 'vitest';
import { bgnbdExpectedPurchases } from '../../src/analytics/bgnbd.ts';
import { annuityPresentValue, historicalRevenue, predictiveClv, WEEKS_PER_MONTH } from '../../src/analytics/clv.ts';
import { gammaGammaExpectedAverageSpend } from '../../src/analytics/gamma-gamma.ts';
import { CDNOW_AVAILABLE, readCdnowCustomers, readCdnowReference } from './cdnow-fixtures.ts';

describe('annuityPresentValue', () => {
  it('values 1,000 a year for 5 years at 10% at 3,790.79 (the seed text says 3,957.37: an arithmetic slip)', () => {
    // 1000·(1/1.1 + 1/1.1² + 1/1.1³ + 1/1.1⁴ + 1/1.1⁵) = 909.09 + 826.45 + 751.31 + 683.01 + 620.92.
    expect(annuityPresentValue(1000, 5, 0.1)).toBeCloseTo(3790.79, 2);
  });

  it('is the plain sum without discounting', () => {
    expect(annuityPresentValue(250, 4, 0)).toBe(1000);
  });
});

describe('predictiveClv', () => {
  const models = { bgnbd: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, gammaGamma: { p: 6, q: 4, gamma: 15 } };
  const customer = { x: 3, tx: 20, T: 30, zbar: 40 };

  it('without discounting is expected purchases over the horizon times expected spend', () => {
    const horizon = { horizonPeriods: 12, unitsPerPeriod: WEEKS_PER_MONTH, discountRatePerPeriod: 0 };
    const expected = bgnbdExpectedPurchases(models.bgnbd, customer, 12 * WEEKS_PER_MONTH) * gammaGammaExpectedAverageSpend(models.gammaGamma, customer);
    expect(predictiveClv(models, customer, horizon)).toBeCloseTo(expected, 10);
  });

  it('discounts each period by (1 + d)^k', () => {
    const oneMonth = { horizonPeriods: 1, unitsPerPeriod: WEEKS_PER_MONTH, discountRatePerPeriod: 0.25 };
    const undiscounted = predictiveClv(models, customer, { ...oneMonth, discountRatePerPeriod: 0 });
    expect(predictiveClv(models, customer, oneMonth)).toBeCloseTo(undiscounted / 1.25, 10);
  });
});

describe('historicalRevenue', () => {
  it('sums revenue per customer, optionally within a period', () => {
    const rows = [
      { customerId: 'a', date: '2026-01-01', amount: 10 },
      { customerId: 'a', date: '2026-02-01', amount: 5 },
      { customerId: 'b', date: '2026-02-15', amount: 7 },
    ];
    expect(historicalRevenue(rows)).toEqual(new Map([['a', 15], ['b', 7]]));
    expect(historicalRevenue(rows, { from: '2026-02-01', to: '2026-02-28' })).toEqual(new Map([['a', 5], ['b', 7]]));
  });
});

describe.skipIf(!CDNOW_AVAILABLE)('CLV against the lifetimes Quickstart', () => {
  const reference = CDNOW_AVAILABLE ? readCdnowReference() : undefined;
  const customers = CDNOW_AVAILABLE ? readCdnowCustomers() : [];
  const models = {
    bgnbd: reference?.bgnbd.mle ?? { r: 1, alpha: 1, a: 1, b: 1 },
    gammaGamma: reference?.gammaGamma.mle ?? { p: 1, q: 2, gamma: 1 },
  };

  it('reproduces 140.0962, 18.9435, 38.1806, 1003.8681, 167.4182 with 30 time units per "month" on weekly data', () => {
    // lifetimes' freq="D" means 30 units per month; on weekly data each "month" is really 30 weeks (the units pitfall).
    const horizon = { horizonPeriods: 12, unitsPerPeriod: 30, discountRatePerPeriod: 0.01 };
    const quickstart = reference?.clvLifetimesQuickstart ?? { ids: [], clv: [] };
    expect(quickstart.ids).toHaveLength(5);
    quickstart.ids.forEach((id, i) => {
      const customer = customers[id - 1];
      if (!customer) throw new Error(`CDNOW customer ${id} missing`);
      expect(predictiveClv(models, customer, horizon) / (quickstart.clv[i] ?? 1)).toBeCloseTo(1, 4);
    });
  });

  it('gives customer 1 a 12-month CLV of 36.28 with real months (4.345 weeks)', () => {
    const customer = customers[0];
    if (!customer) throw new Error('CDNOW customer 1 missing');
    const horizon = { horizonPeriods: 12, unitsPerPeriod: WEEKS_PER_MONTH, discountRatePerPeriod: 0.01 };
    expect(predictiveClv(models, customer, horizon)).toBeCloseTo(reference?.clvLifetimesQuickstart.id1_withWeeklyFactor4_345 ?? 0, 2);
  });
});
