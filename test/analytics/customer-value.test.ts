import { describe, expect, it } from 'vitest';
import { bgnbdExpectedPurchases } from '../../src/analytics/bgnbd.ts';
import { predictiveClv, WEEKS_PER_MONTH } from '../../src/analytics/clv.ts';
import { fitCustomerValueModels, modelsOf, scoreCustomerValue } from '../../src/analytics/customer-value.ts';
import { CDNOW_AVAILABLE, readCdnowCustomers, readCdnowReference } from './cdnow-fixtures.ts';

describe.skipIf(!CDNOW_AVAILABLE)('customer value on CDNOW', () => {
  const customers = CDNOW_AVAILABLE ? readCdnowCustomers().map((customer) => ({ ...customer, customerId: customer.id })) : [];

  it('fits both models and scores every customer', () => {
    const reference = readCdnowReference();
    const fit = fitCustomerValueModels(customers);
    expect(fit.bgnbd.params.r).toBeCloseTo(reference.bgnbd.mle.r, 4);
    expect(fit.gammaGamma.params.p).toBeCloseTo(reference.gammaGamma.mle.p, 2);
    const scores = scoreCustomerValue(customers, modelsOf(fit), { horizonPeriods: 12, unitsPerPeriod: WEEKS_PER_MONTH, discountRatePerPeriod: 0.01 });
    expect(scores).toHaveLength(customers.length);
    const first = scores[0];
    expect(first?.customerId).toBe(1);
    expect(first?.probabilityAlive).toBeCloseTo(0.7266, 3);
    expect(first?.expectedSpendPerPurchase).toBeCloseTo(24.65, 1);
    expect(first?.clv).toBeCloseTo(reference.clvLifetimesQuickstart.id1_withWeeklyFactor4_345, 1);
    // Spend and purchases agree with the CLV: undiscounted value is slightly above the discounted one.
    expect((first?.expectedPurchases ?? 0) * (first?.expectedSpendPerPurchase ?? 0)).toBeGreaterThan(first?.clv ?? 0);
  });

  it('scores with shared terms exactly as the per-customer formulas do', () => {
    const reference = readCdnowReference();
    const models = { bgnbd: reference.bgnbd.mle, gammaGamma: reference.gammaGamma.mle };
    const horizon = { horizonPeriods: 6, unitsPerPeriod: WEEKS_PER_MONTH, discountRatePerPeriod: 0.02 };
    const scores = scoreCustomerValue(customers, models, horizon);
    customers.forEach((customer, i) => {
      expect(scores[i]?.clv).toBeCloseTo(predictiveClv(models, customer, horizon), 9);
      expect(scores[i]?.expectedPurchases).toBeCloseTo(bgnbdExpectedPurchases(models.bgnbd, customer, 6 * WEEKS_PER_MONTH), 9);
    });
  });
});
