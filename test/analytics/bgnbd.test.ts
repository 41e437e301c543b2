import { describe, expect, it } from 'vitest';
import {
  bgnbdCustomerLogLikelihood,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  bgnbdPurchaseCountProbability,
  bgnbdUnconditionalExpectedPurchases,
  fitBgnbd,
} from '../../src/analytics/bgnbd.ts';
import { CDNOW_AVAILABLE, readCdnowCustomers, readCdnowReference } from './cdnow-fixtures.ts';

const UNIT = { r: 1, alpha: 1, a: 1, b: 1 };

describe('BG/NBD by hand', () => {
  it('log-likelihood of x=0, T=1 at r=α=a=b=1 is -ln 2', () => {
    // Γ terms cancel; only -(r+x)·ln(α+T) = -ln 2 remains.
    expect(bgnbdCustomerLogLikelihood(UNIT, { x: 0, tx: 0, T: 1 })).toBeCloseTo(-Math.log(2), 12);
  });

  it('log-likelihood of x=1, t_x=1, T=2 at r=α=a=b=1 is ln(13/72)', () => {
    // A1 = 0, A2 = ln Γ(2)Γ(2)/(Γ(1)Γ(3)) = -ln 2, alive term 3^-2, dropout term (1/1)·2^-2: ln(½·(1/9 + 1/4)).
    expect(bgnbdCustomerLogLikelihood(UNIT, { x: 1, tx: 1, T: 2 })).toBeCloseTo(Math.log(13 / 72), 12);
  });

  it('sums per-customer log-likelihoods when grouping identical customers', () => {
    const params = { r: 0.7, alpha: 3, a: 0.9, b: 2.5 };
    const histories = [
      { x: 0, tx: 0, T: 10 },
      { x: 2, tx: 4, T: 10 },
      { x: 2, tx: 4, T: 10 },
      { x: 5, tx: 9.5, T: 12 },
    ];
    const expected = histories.reduce((sum, history) => sum + bgnbdCustomerLogLikelihood(params, history), 0);
    expect(bgnbdLogLikelihood(params, histories)).toBeCloseTo(expected, 10);
  });

  it('P(alive) is 1 without repeats and 1/(1 + a/(b+x-1)·((α+T)/(α+t_x))^(r+x)) with them', () => {
    expect(bgnbdProbabilityAlive(UNIT, { x: 0, tx: 0, T: 5 })).toBe(1);
    // x=1, t_x=1, T=2: odds = (1/1)·(3/2)² = 2.25.
    expect(bgnbdProbabilityAlive(UNIT, { x: 1, tx: 1, T: 2 })).toBeCloseTo(1 / 3.25, 12);
  });

  it('expects nothing in no time and rejects impossible histories', () => {
    expect(bgnbdExpectedPurchases(UNIT, { x: 3, tx: 2, T: 4 }, 0)).toBe(0);
    expect(() => bgnbdLogLikelihood(UNIT, [{ x: 1, tx: 5, T: 4 }])).toThrow(RangeError);
    expect(() => fitBgnbd([])).toThrow(RangeError);
  });

  it('gives probabilities of purchase counts that sum to 1', () => {
    const params = { r: 0.5, alpha: 2, a: 0.8, b: 2 };
    let total = 0;
    for (let count = 0; count < 400; count++) total += bgnbdPurchaseCountProbability(params, 5, count);
    expect(total).toBeCloseTo(1, 6);
  });
});

describe.skipIf(!CDNOW_AVAILABLE)('BG/NBD against the CDNOW reference', () => {
  const reference = CDNOW_AVAILABLE ? readCdnowReference() : undefined;
  const customers = CDNOW_AVAILABLE ? readCdnowCustomers() : [];
  const published = reference?.bgnbd.published ?? UNIT;
  const mle = reference?.bgnbd.mle ?? { ...UNIT, logLik: 0 };

  it('has log-likelihood -9582.427 at the rounded published parameters', () => {
    expect(bgnbdLogLikelihood(published, customers)).toBeCloseTo(reference?.bgnbd.logLikAtPublishedRounded ?? 0, 2);
  });

  it('fits the published summary to the full-precision MLE', () => {
    const fit = fitBgnbd(customers);
    expect(fit.converged).toBe(true);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit.params[name] / mle[name] - 1)).toBeLessThan(1e-4);
    expect(fit.logLikelihood).toBeCloseTo(mle.logLik, 3);
  });

  it('reproduces customer 1 (x=2, t_x=30.43, T=38.86): P(alive) 0.7266, E[Y(39)] 1.226', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    expect(bgnbdProbabilityAlive(mle, customer)).toBeCloseTo(0.7266, 4);
    expect(Math.abs(bgnbdExpectedPurchases(mle, customer, 39) - 1.226)).toBeLessThan(0.001);
  });

  it('reproduces a customer with no repeats (T=38.86): P(alive) 1, E[Y(39)] 0.1951 published, 0.1948 MLE', () => {
    const customer = { x: 0, tx: 0, T: 38.86 };
    expect(bgnbdProbabilityAlive(mle, customer)).toBe(1);
    expect(bgnbdExpectedPurchases(published, customer, 39)).toBeCloseTo(0.1951, 4);
    expect(bgnbdExpectedPurchases(mle, customer, 39)).toBeCloseTo(0.1948, 4);
  });

  it('reproduces customer 6 (x=7, t_x=29.43, T=38.86): P(alive) 0.6418, E[Y(39)] 3.337', () => {
    const customer = { x: 7, tx: 29.43, T: 38.86 };
    expect(bgnbdProbabilityAlive(mle, customer)).toBeCloseTo(0.6418, 4);
    expect(bgnbdExpectedPurchases(mle, customer, 39)).toBeCloseTo(3.337, 3);
  });

  it('reproduces next-week expectations of customers 1516 and 157', () => {
    const customer1516 = { x: 26, tx: 30.86, T: 31 };
    expect(bgnbdExpectedPurchases(mle, customer1516, 1)).toBeCloseTo(0.710623, 5);
    expect(bgnbdProbabilityAlive(mle, customer1516)).toBeCloseTo(0.9689, 4);
    expect(bgnbdExpectedPurchases(mle, { x: 29, tx: 37.71, T: 38 }, 1)).toBeCloseTo(0.662396, 5);
  });

  it('reproduces the unconditional E[X(t)] at MLE to 3 decimals', () => {
    const { t, value } = reference?.bgnbd.unconditionalExpected_mle ?? { t: [], value: [] };
    expect(t).toHaveLength(6);
    t.forEach((time, i) => expect(Math.abs(bgnbdUnconditionalExpectedPurchases(mle, time) - (value[i] ?? 0))).toBeLessThan(0.0006));
  });

  it('reproduces the purchase-count probabilities at the published parameters', () => {
    const pmf = reference?.bgnbd.pmf_atPublished;
    expect(bgnbdPurchaseCountProbability(published, 39, 0)).toBeCloseTo(pmf?.P_X39_eq_0 ?? 0, 7);
    expect(bgnbdPurchaseCountProbability(published, 2, 10) / (pmf?.P_X2_eq_10 ?? 1)).toBeCloseTo(1, 4);
    expect(bgnbdPurchaseCountProbability(published, 30, 11)).toBeCloseTo(pmf?.P_X30_eq_11 ?? 0, 9);
  });

  it('predicts 1653.4 holdout purchases over 39 weeks at MLE', () => {
    const total = customers.reduce((sum, customer) => sum + bgnbdExpectedPurchases(mle, customer, 39), 0);
    expect(total).toBeCloseTo(reference?.bgnbd.holdout_mle.sumExpected39 ?? 0, 1);
  });
});
