/** Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): fit on repeat buyers and expected spend. */

import gammaln from '@stdlib/math-base-special-gammaln';
import { minimise, type MinimiseOptions } from './optimizer.ts';

/** Transaction value ~ Gamma(p, ν) with ν ~ Gamma(q, gamma) across customers. */
export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

/** A customer's repeat transactions: how many (x) and their mean value (zbar, money per transaction). */
export interface SpendHistory {
  x: number;
  zbar: number;
}

/** A fitted Gamma-Gamma model. */
export interface GammaGammaFit {
  params: GammaGammaParameters;
  logLikelihood: number;
  /** Repeat buyers with a positive mean spend that the fit used. */
  customers: number;
  evaluations: number;
  converged: boolean;
}

/** Log-likelihood of repeat buyers' mean spends (full gamma-gamma density of zbar; x = 0 or zbar <= 0 are skipped). */
export function gammaGammaLogLikelihood(params: GammaGammaParameters, histories: readonly SpendHistory[]): number {
  return createLogLikelihood(usableSpendHistories(histories))(params);
}

/** Maximum-likelihood fit over log-parameters on repeat buyers; throws RangeError when there are none. */
export function fitGammaGamma(histories: readonly SpendHistory[], options: MinimiseOptions = {}): GammaGammaFit {
  const usable = usableSpendHistories(histories);
  if (usable.length === 0) throw new RangeError('cannot fit Gamma-Gamma: no repeat buyer with a positive spend');
  const logLikelihoodOf = createLogLikelihood(usable);
  let spendSum = 0;
  for (const history of usable) spendSum += history.zbar;
  // p = 1, q = 2 puts the population mean spend p·gamma/(q-1) at the observed mean.
  const start = [0, Math.log(2), Math.log(spendSum / usable.length)];
  const toParams = (point: readonly number[]): GammaGammaParameters => ({
    p: Math.exp(point[0] ?? 0),
    q: Math.exp(point[1] ?? 0),
    gamma: Math.exp(point[2] ?? 0),
  });
  const minimum = minimise((point) => -logLikelihoodOf(toParams(point)) / usable.length, start, options);
  const params = toParams(minimum.point);
  return {
    params,
    logLikelihood: logLikelihoodOf(params),
    customers: usable.length,
    evaluations: minimum.evaluations,
    converged: minimum.converged,
  };
}

/** Expected mean transaction value of a customer given x repeats averaging zbar; the population mean when x = 0. */
export function gammaGammaExpectedAverageSpend(params: GammaGammaParameters, history: SpendHistory): number {
  const { p, q, gamma } = params;
  if (history.x <= 0) return gammaGammaMeanSpend(params);
  return (p * (gamma + history.x * history.zbar)) / (p * history.x + q - 1);
}

/** Population mean transaction value p·gamma/(q-1) (infinite when q <= 1). */
export function gammaGammaMeanSpend({ p, q, gamma }: GammaGammaParameters): number {
  return q > 1 ? (p * gamma) / (q - 1) : Number.POSITIVE_INFINITY;
}

function usableSpendHistories(histories: readonly SpendHistory[]): SpendHistory[] {
  return histories.filter((history) => history.x > 0 && history.zbar > 0);
}

function createLogLikelihood(histories: readonly SpendHistory[]): (params: GammaGammaParameters) => number {
  const repeats = Float64Array.from(histories, (history) => history.x);
  const totals = Float64Array.from(histories, (history) => history.x * history.zbar);
  // Terms that do not depend on the parameters, or only linearly on p, are summed once up front.
  let sumLogSpend = 0;
  let sumRepeatLogSpendAndRepeat = 0;
  const customersPerRepeatCount = new Map<number, number>();
  for (const { x, zbar } of histories) {
    sumLogSpend += Math.log(zbar);
    sumRepeatLogSpendAndRepeat += x * (Math.log(zbar) + Math.log(x));
    customersPerRepeatCount.set(x, (customersPerRepeatCount.get(x) ?? 0) + 1);
  }
  const customers = histories.length;
  return ({ p, q, gamma }) => {
    if (!(p > 0 && q > 0 && gamma > 0)) return Number.NEGATIVE_INFINITY;
    let total = customers * (q * Math.log(gamma) - gammaln(q)) - sumLogSpend + p * sumRepeatLogSpendAndRepeat;
    for (const [x, count] of customersPerRepeatCount) total += count * (gammaln(p * x + q) - gammaln(p * x));
    for (let i = 0; i < repeats.length; i++) {
      const x = repeats[i] ?? 0;
      total -= (p * x + q) * Math.log((totals[i] ?? 0) + gamma);
    }
    return total;
  };
}
