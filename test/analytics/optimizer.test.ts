import { describe, expect, it } from 'vitest';
import { minimise } from '../../src/analytics/optimizer.ts';

describe('minimise', () => {
  it('finds the minimum of the Rosenbrock valley at (1, 1)', () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = minimise(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 4);
    expect(result.point[1]).toBeCloseTo(1, 4);
  });

  it('treats NaN outside the domain as worse than anything', () => {
    // Minimum at x = 2 of x - 4·ln(x); undefined for x <= 0.
    const result = minimise(([x = 0]) => x - 4 * Math.log(x), [0.5], { initialStep: 3 });
    expect(result.point[0]).toBeCloseTo(4, 4);
  });

  it('refuses a start where the objective is not finite', () => {
    expect(() => minimise(() => Number.NaN, [0])).toThrow(RangeError);
  });
});
