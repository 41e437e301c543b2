/** BG/NBD repeat-purchase model (Fader, Hardie & Lee 2005): likelihood, maximum-likelihood fit and predictions. */

import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { minimise, type MinimiseOptions } from './optimizer.ts';

/** Purchase rate ~ Gamma(r, alpha); dropout probability after each purchase ~ Beta(a, b). */
export interface BgnbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A customer's calibration history in model time units (days or weeks): repeat purchases, last and age. */
export interface RepeatPurchaseHistory {
  /** Repeat transactions (distinct purchase days after the first). */
  x: number;
  /** Time from first to last purchase (recency). */
  tx: number;
  /** Time from first purchase to the end of calibration (age). */
  T: number;
}

/** A fitted BG/NBD model. */
export interface BgnbdFit {
  params: BgnbdParameters;
  logLikelihood: number;
  customers: number;
  evaluations: number;
  converged: boolean;
}

/** Log-likelihood of one customer's history under `params`. */
export function bgnbdCustomerLogLikelihood(params: BgnbdParameters, history: RepeatPurchaseHistory): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = history;
  const countTerm =
    gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x);
  const aliveTerm = -(r + x) * Math.log(alpha + T);
  if (x === 0) return countTerm + aliveTerm;
  const droppedTerm = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return countTerm + logSumExp(aliveTerm, droppedTerm);
}

/** Total log-likelihood of many customers (grouped internally, so fast for large inputs). */
export function bgnbdLogLikelihood(params: BgnbdParameters, histories: readonly RepeatPurchaseHistory[]): number {
  return createGroupedLogLikelihood(groupHistories(histories))(params);
}

/** Maximum-likelihood fit over log-parameters; throws RangeError when there are no customers. */
export function fitBgnbd(histories: readonly RepeatPurchaseHistory[], options: MinimiseOptions = {}): BgnbdFit {
  if (histories.length === 0) throw new RangeError('cannot fit BG/NBD: no customers');
  const groups = groupHistories(histories);
  const logLikelihoodOf = createGroupedLogLikelihood(groups);
  let ageSum = 0;
  let repeatSum = 0;
  for (const history of histories) {
    ageSum += history.T;
    repeatSum += history.x;
  }
  // Start with r = 1 and a mean purchase rate of repeats per unit of age; a = b = 1 is a flat dropout prior.
  const start = [0, Math.log(Math.max(ageSum / Math.max(repeatSum, 1), 1e-3)), 0, 0];
  const toParams = (point: readonly number[]): BgnbdParameters => ({
    r: Math.exp(point[0] ?? 0),
    alpha: Math.exp(point[1] ?? 0),
    a: Math.exp(point[2] ?? 0),
    b: Math.exp(point[3] ?? 0),
  });
  // The mean per customer keeps the objective near 1 whatever the sample size, so tolerances are comparable.
  const minimum = minimise((point) => -logLikelihoodOf(toParams(point)) / groups.totalWeight, start, options);
  const params = toParams(minimum.point);
  return {
    params,
    logLikelihood: logLikelihoodOf(params),
    customers: histories.length,
    evaluations: minimum.evaluations,
    converged: minimum.converged,
  };
}

/** Probability that the customer is still alive at the end of calibration (1 for customers with no repeats). */
export function bgnbdProbabilityAlive(params: BgnbdParameters, history: RepeatPurchaseHistory): number {
  if (history.x === 0) return 1;
  return 1 / (1 + dropoutOdds(params, history));
}

/** Conditional expected number of purchases in the next `t` time units, E[Y(t) | x, t_x, T] = P(alive) · E[Y(t) | alive]. */
export function bgnbdExpectedPurchases(params: BgnbdParameters, history: RepeatPurchaseHistory, t: number): number {
  return bgnbdProbabilityAlive(params, history) * bgnbdExpectedPurchasesIfAlive(params, history, t);
}

/** Expected purchases in the next `t` time units if the customer is still alive; depends on x and T only, not t_x. */
export function bgnbdExpectedPurchasesIfAlive(params: BgnbdParameters, history: Pick<RepeatPurchaseHistory, 'x' | 'T'>, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = history;
  const decay = Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  return ((a + b + x - 1) / (a - 1)) * (1 - decay);
}

/** Expected purchases of a new customer in `t` time units from the first purchase, E[X(t)]. */
export function bgnbdUnconditionalExpectedPurchases(params: BgnbdParameters, t: number): number {
  const { r, alpha, a, b } = params;
  const decay = Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t));
  return ((a + b - 1) / (a - 1)) * (1 - decay);
}

/** Probability that a new customer makes exactly `count` repeat purchases in `t` time units, P(X(t) = count). */
export function bgnbdPurchaseCountProbability(params: BgnbdParameters, t: number, count: number): number {
  if (t <= 0) return count === 0 ? 1 : 0;
  const { r, alpha, a, b } = params;
  const logBetaAB = logBeta(a, b);
  const logShare = Math.log(alpha / (alpha + t));
  const logRest = Math.log(t / (alpha + t));
  const alive = Math.exp(
    logBeta(a, b + count) - logBetaAB + gammaln(r + count) - gammaln(r) - gammaln(count + 1) + r * logShare + count * logRest,
  );
  if (count === 0) return alive;
  let partialSum = 0;
  for (let j = 0; j < count; j++) {
    partialSum += Math.exp(gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * logShare + j * logRest);
  }
  return alive + Math.exp(logBeta(a + 1, b + count - 1) - logBetaAB) * (1 - partialSum);
}

/** Customers with identical (x, t_x, T) collapsed into weighted groups, with value tables for cached logs. */
interface GroupedHistories {
  repeatValues: Float64Array;
  timeValues: Float64Array;
  groupRepeatIndex: Int32Array;
  groupRecencyIndex: Int32Array;
  groupAgeIndex: Int32Array;
  groupWeight: Float64Array;
  /** Customers per distinct x, so the count term is computed once per x. */
  weightPerRepeatValue: Float64Array;
  totalWeight: number;
}

function groupHistories(histories: readonly RepeatPurchaseHistory[]): GroupedHistories {
  const repeatIndex = new Map<number, number>();
  const timeIndex = new Map<number, number>();
  // Nested maps keyed by the numbers themselves: string keys would format 100,000 floats on every fit.
  const groupIndex = new Map<number, Map<number, Map<number, number>>>();
  const indexOf = (map: Map<number, number>, value: number): number => {
    let index = map.get(value);
    if (index === undefined) {
      index = map.size;
      map.set(value, index);
    }
    return index;
  };
  const repeatOfGroup: number[] = [];
  const recencyOfGroup: number[] = [];
  const ageOfGroup: number[] = [];
  const weightOfGroup: number[] = [];
  for (const { x, tx, T } of histories) {
    if (!(x >= 0 && tx >= 0 && T >= tx)) throw new RangeError(`invalid history x=${x} t_x=${tx} T=${T}: need x >= 0 and 0 <= t_x <= T`);
    const byRecency = getOrCreate(groupIndex, x, () => new Map<number, Map<number, number>>());
    const byAge = getOrCreate(byRecency, tx, () => new Map<number, number>());
    const group = byAge.get(T);
    if (group !== undefined) {
      weightOfGroup[group] = (weightOfGroup[group] ?? 0) + 1;
      continue;
    }
    byAge.set(T, weightOfGroup.length);
    repeatOfGroup.push(indexOf(repeatIndex, x));
    recencyOfGroup.push(indexOf(timeIndex, tx));
    ageOfGroup.push(indexOf(timeIndex, T));
    weightOfGroup.push(1);
  }
  const weightPerRepeatValue = new Float64Array(repeatIndex.size);
  repeatOfGroup.forEach((repeat, group) => {
    weightPerRepeatValue[repeat] = (weightPerRepeatValue[repeat] ?? 0) + (weightOfGroup[group] ?? 0);
  });
  return {
    repeatValues: Float64Array.from(repeatIndex.keys()),
    timeValues: Float64Array.from(timeIndex.keys()),
    groupRepeatIndex: Int32Array.from(repeatOfGroup),
    groupRecencyIndex: Int32Array.from(recencyOfGroup),
    groupAgeIndex: Int32Array.from(ageOfGroup),
    groupWeight: Float64Array.from(weightOfGroup),
    weightPerRepeatValue,
    totalWeight: histories.length,
  };
}

function createGroupedLogLikelihood(groups: GroupedHistories): (params: BgnbdParameters) => number {
  const { repeatValues, timeValues, groupRepeatIndex, groupRecencyIndex, groupAgeIndex, groupWeight, weightPerRepeatValue } = groups;
  const exponent = new Float64Array(repeatValues.length);
  const dropTerm = new Float64Array(repeatValues.length);
  const logAlphaPlusTime = new Float64Array(timeValues.length);
  return ({ r, alpha, a, b }) => {
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY;
    const sharedCountTerm = -gammaln(r) + r * Math.log(alpha) + gammaln(a + b) - gammaln(b);
    const logA = Math.log(a);
    let total = 0;
    for (let i = 0; i < repeatValues.length; i++) {
      const x = repeatValues[i] ?? 0;
      exponent[i] = r + x;
      dropTerm[i] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
      const countTerm = sharedCountTerm + gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x);
      total += (weightPerRepeatValue[i] ?? 0) * countTerm;
    }
    for (let j = 0; j < timeValues.length; j++) logAlphaPlusTime[j] = Math.log(alpha + (timeValues[j] ?? 0));
    for (let g = 0; g < groupWeight.length; g++) {
      const i = groupRepeatIndex[g] ?? 0;
      const power = exponent[i] ?? 0;
      const aliveTerm = -power * (logAlphaPlusTime[groupAgeIndex[g] ?? 0] ?? 0);
      const drop = dropTerm[i] ?? Number.NEGATIVE_INFINITY;
      const term =
        drop === Number.NEGATIVE_INFINITY ? aliveTerm : logSumExp(aliveTerm, drop - power * (logAlphaPlusTime[groupRecencyIndex[g] ?? 0] ?? 0));
      total += (groupWeight[g] ?? 0) * term;
    }
    return total;
  };
}

/** a/(b+x-1) · ((α+T)/(α+t_x))^(r+x): odds that a repeat buyer dropped out right after the last purchase. */
function dropoutOdds({ r, alpha, a, b }: BgnbdParameters, { x, tx, T }: RepeatPurchaseHistory): number {
  return (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx)));
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function logSumExp(left: number, right: number): number {
  return left > right ? left + Math.log1p(Math.exp(right - left)) : right + Math.log1p(Math.exp(left - right));
}

function logBeta(left: number, right: number): number {
  return gammaln(left) + gammaln(right) - gammaln(left + right);
}
