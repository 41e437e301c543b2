import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaExpectedAverageSpend, gammaGammaLogLikelihood, gammaGammaMeanSpend } from '../../src/analytics/gamma-gamma.ts';
import { CDNOW_AVAILABLE, readCdnowCustomers, readCdnowReference } from './cdnow-fixtures.ts';

describe('Gamma-Gamma by hand', () => {
  it('weights the population mean and the customer mean: (q-1)/(px+q-1)·pγ/(q-1) + px/(px+q-1)·zbar', () => {
    // p=2, q=3, γ=4: population mean 2·4/2 = 4; x=2, zbar=10: (2·(4 + 20))/(4 + 2) = 8.
    const params = { p: 2, q: 3, gamma: 4 };
    expect(gammaGammaMeanSpend(params)).toBe(4);
    expect(gammaGammaExpectedAverageSpend(params, { x: 2, zbar: 10 })).toBeCloseTo(8, 12);
    expect(gammaGammaExpectedAverageSpend(params, { x: 0, zbar: 0 })).toBe(4);
  });

  it('has log-likelihood ln(1/4) for one purchase of 1 at p=q=γ=1', () => {
    // Γ(2)/(Γ(1)Γ(1)) · 1^1 · 1^0 · 1^1 / (1 + 1)^2 = 1/4.
    expect(gammaGammaLogLikelihood({ p: 1, q: 1, gamma: 1 }, [{ x: 1, zbar: 1 }])).toBeCloseTo(Math.log(0.25), 12);
  });

  it('ignores customers without repeats and refuses to fit without repeat buyers', () => {
    const params = { p: 1, q: 1, gamma: 1 };
    expect(gammaGammaLogLikelihood(params, [{ x: 1, zbar: 1 }, { x: 0, zbar: 0 }])).toBe(gammaGammaLogLikelihood(params, [{ x: 1, zbar: 1 }]));
    expect(() => fitGammaGamma([{ x: 0, zbar: 0 }])).toThrow(RangeError);
  });
});

describe.skipIf(!CDNOW_AVAILABLE)('Gamma-Gamma against the CDNOW reference', () => {
  const reference = CDNOW_AVAILABLE ? readCdnowReference() : undefined;
  const customers = CDNOW_AVAILABLE ? readCdnowCustomers() : [];
  const mle = reference?.gammaGamma.mle ?? { p: 1, q: 2, gamma: 1, logLik: 0 };

  it('has log-likelihood -4055.923 at the MLE', () => {
    expect(gammaGammaLogLikelihood(mle, customers)).toBeCloseTo(mle.logLik, 2);
  });

  it('fits the 946 repeaters to the full-precision MLE', () => {
    const fit = fitGammaGamma(customers);
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    for (const name of ['p', 'q', 'gamma'] as const) expect(Math.abs(fit.params[name] / mle[name] - 1)).toBeLessThan(1e-4);
  });

  it('reproduces the population mean spend: 35.22 published, 35.17 at MLE', () => {
    expect(gammaGammaMeanSpend(reference?.gammaGamma.published ?? mle)).toBeCloseTo(35.22, 2);
    expect(gammaGammaMeanSpend(mle)).toBeCloseTo(35.17, 2);
  });

  it('reproduces the conditional expected average spend of IDs 1-10', () => {
    const expected = reference?.gammaGamma.condExpAvgProfit_ids1to10 ?? [];
    expect(expected).toHaveLength(10);
    customers.slice(0, 10).forEach((customer, i) => {
      expect(Math.abs(gammaGammaExpectedAverageSpend(mle, customer) - (expected[i] ?? 0))).toBeLessThan(0.015);
    });
  });
});
