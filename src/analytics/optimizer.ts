/** Unconstrained minimisation with fmin's Nelder-Mead, restarted until a fresh simplex no longer improves the point. */

// fmin ships a UMD bundle inside a "type": "module" package: under Node's ESM loader it has no named
// exports and installs `globalThis.fmin` instead, so it is imported for that side effect.
import 'fmin';

interface FminNelderMeadParameters {
  maxIterations?: number;
  zeroDelta?: number;
  minErrorDelta?: number;
  sigma?: number;
}
type FminNelderMead = (
  objective: (point: number[]) => number,
  start: number[],
  parameters?: FminNelderMeadParameters,
) => { fx: number; x: number[] };

/** Options of minimise; all optional. */
export interface MinimiseOptions {
  /** Edge of the first simplex around the start (default 0.5: a factor e^0.5 on log-parameters). */
  initialStep?: number;
  /** Edge of the simplex of each restart (default 0.05). */
  restartStep?: number;
  /** Stop when a restart lowers the objective by less than this (default 1e-11). */
  objectiveTolerance?: number;
  /** ...and moves no coordinate by more than this (default 1e-5, i.e. 0.001% on log-parameters). */
  pointTolerance?: number;
  /** Give up after this many restarts (default 40). */
  maxRestarts?: number;
}

/** Where minimise stopped. */
export interface Minimum {
  point: number[];
  value: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
}

const nelderMead = loadNelderMead();

/**
 * Minimises `objective` from `start`. Non-finite values count as +Infinity, so the objective may return
 * NaN outside its domain.
 */
export function minimise(objective: (point: readonly number[]) => number, start: readonly number[], options: MinimiseOptions = {}): Minimum {
  const initialStep = options.initialStep ?? 0.5;
  const restartStep = options.restartStep ?? 0.05;
  const objectiveTolerance = options.objectiveTolerance ?? 1e-11;
  const pointTolerance = options.pointTolerance ?? 1e-5;
  const maxRestarts = options.maxRestarts ?? 40;

  let evaluations = 0;
  let centre = [...start];
  const shifted = new Array<number>(centre.length);
  // fmin uses minErrorDelta both as the objective tolerance and as the point tolerance; searching in scaled
  // offsets u = (point − centre) · scale gives the point its own tolerance (pointTolerance = objectiveTolerance / scale).
  // Offsets from the current best also let every coordinate get the same simplex edge (zeroDelta).
  const scale = objectiveTolerance / pointTolerance;
  const objectiveOfOffset = (offset: number[]): number => {
    evaluations += 1;
    for (let i = 0; i < offset.length; i++) shifted[i] = (centre[i] ?? 0) + (offset[i] ?? 0) / scale;
    const value = objective(shifted);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  let value = objectiveOfOffset(new Array<number>(centre.length).fill(0));
  if (!Number.isFinite(value)) throw new RangeError('the objective is not finite at the start point');

  for (let restart = 0; restart <= maxRestarts; restart++) {
    const result = nelderMead(objectiveOfOffset, new Array<number>(centre.length).fill(0), {
      zeroDelta: (restart === 0 ? initialStep : restartStep) * scale,
      minErrorDelta: objectiveTolerance,
      // fmin's shrink step assigns an undeclared loop variable and throws in strict mode; sigma >= 1 makes
      // it stop instead of shrinking, and the restart below rebuilds the simplex around the best point.
      sigma: 1,
      maxIterations: 200 * centre.length,
    });
    const improvement = value - result.fx;
    const largestMove = Math.max(...result.x.map(Math.abs)) / scale;
    if (result.fx < value) {
      centre = centre.map((coordinate, i) => coordinate + (result.x[i] ?? 0) / scale);
      value = result.fx;
    }
    if (restart > 0 && improvement <= objectiveTolerance && largestMove <= pointTolerance) {
      return { point: centre, value, evaluations, restarts: restart, converged: true };
    }
  }
  return { point: centre, value, evaluations, restarts: maxRestarts, converged: false };
}

function loadNelderMead(): FminNelderMead {
  const fmin = (globalThis as { fmin?: { nelderMead?: FminNelderMead } }).fmin;
  if (typeof fmin?.nelderMead !== 'function') {
    throw new Error('fmin did not install globalThis.fmin.nelderMead: check the installed fmin version (0.0.4 expected)');
  }
  return fmin.nelderMead;
}
