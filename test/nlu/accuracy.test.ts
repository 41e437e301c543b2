import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_SPLITS, HELDOUT2_PATH, HELDOUT_PATH, loadCorpus, TRAIN_PATH } from '../../src/nlu/corpus.ts';
import { evaluate } from '../../src/nlu/score.ts';
import { parse } from './helpers.ts';

const INTENT_FLOOR = 0.97;
// Issue 3's target is 0.95 for every slot; `npm run bench:nlu` reports against it. The held-out
// floors guard the level reached: every slot with 20 or more cases is at 0.95 or above (customer
// 0.978, contact 1.0, note 0.977, kind 0.976); email (9/10) and phone (6/6) have too few cases
// for that and get the small-sample floor.
const SLOT_FLOOR = 0.95;
/**
 * The held-out split's second part (heldout2.jsonl, written blind in session 3, never read) showed
 * names generalize less than part 1 said: at its first measurement contact 0.877, customer 0.916,
 * note 0.946, every other slot with 20 or more cases 0.955 or above. This floor guards the level
 * reached since (session 6: contact 0.934, customer 0.948); the target applies to both parts together.
 */
const HELDOUT2_SLOT_FLOOR = 0.92;
/** The development splits were read and fixed against; they must stay where they were brought. */
const DEVELOPMENT_FLOORS: Record<string, { minTotal: number; intent: number; slot: number }> = {
  dev: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.92 },
  dev2: { minTotal: 250, intent: 0.98, slot: 0.95 },
  // Before it was read: intent 0.979, customer 0.943, email 0.985, phone 0.985; after: 0.994 or more.
  dev3: { minTotal: 250, intent: INTENT_FLOOR, slot: 0.97 },
  // Before it was read: contact 0.761, customer 0.807, note 0.931; after: 0.97 or more.
  dev4: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.95 },
  // Before it was read: contact 0.880, customer 0.914, note 0.978; after: 0.99 or more.
  dev5: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.97 },
  // Before it was read: intent 0.938, contact 0.715, customer 0.718, stage 0.714, note 0.866; after: contact 0.898, customer 0.899,
  // note 0.880 (its writer alone left the topic of an interaction, "about X", out of the note; LABELING.md follows the other three).
  dev6: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.88 },
  // Before it was read: intent 0.916, contact 0.728, customer 0.763, note 0.744, dueAt 0.812; after: note 0.865, contact 0.919, customer 0.932.
  dev7: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.88 },
  // Before it was read: intent 0.862, contact 0.597, customer 0.713, note 0.577, kind 0.815, dueAt 0.754; after: intent 0.971,
  // note 0.764, dueAt 0.78, contact 0.819, customer 0.844 (the hardest split: names anywhere, several people, forwarded signatures).
  dev8: { minTotal: 300, intent: 0.99, slot: 0.78 },
  // Before it was read: intent 0.884, contact 0.707, customer 0.713, note 0.880; after: intent 0.956, customer 0.854, contact 0.891, note 0.934.
  dev9: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.94 },
  // Before it was read: intent 0.956, contact 0.725, customer 0.715, note 0.792, dueAt 0.855, amount 0.872, currency 0.833;
  // after (session 6): intent 0.991, contact 0.866, customer 0.853, note 0.848, dueAt 0.891, amount 0.949, currency 0.972.
  dev10: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.85 },
  // Before it was read: intent 0.962, contact 0.537, customer 0.414, note 0.736, dueAt 0.786, kind 0.915, amount 0.850;
  // after (session 6): intent 0.988, contact 0.806, customer 0.661 (nicknames, pets, Vietnamese firms), note 0.836, dueAt 0.886.
  dev11: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.66 },
  // Before it was read: intent 0.973, contact 0.869, customer 0.862, note 0.900, dueAt 0.909, kind 0.954;
  // after (session 6): intent 0.988, contact 0.962, customer 0.951, note 0.955, dueAt 0.955, kind 0.981.
  dev12: { minTotal: 300, intent: INTENT_FLOOR, slot: 0.95 },
};
/** Slots with this few labeled cases move in large steps; they get a looser floor. */
const SMALL_SAMPLE = 20;
const SMALL_SAMPLE_FLOOR = 0.6;
const hasHeldout = existsSync(HELDOUT_PATH);

if (!hasHeldout) {
  console.warn(`\n*** NLU accuracy floor SKIPPED: ${HELDOUT_PATH} does not exist yet ***\n`);
}

/** Slots under their floor (the looser one for small samples), as "name accuracy". */
function slotsBelow(result: ReturnType<typeof evaluate>, floor: number): string[] {
  return Object.entries(result.slots)
    .filter(([, s]) => s.accuracy < (s.total < SMALL_SAMPLE ? SMALL_SAMPLE_FLOOR : floor))
    .map(([name, s]) => `${name} ${s.accuracy.toFixed(3)}`);
}

// Only aggregate figures are asserted: the held-out split is never read message by message here.
describe('accuracy floor', () => {
  it.skipIf(!hasHeldout)(`held-out split: intent >= ${INTENT_FLOOR}, every slot >= ${SLOT_FLOOR} (${SMALL_SAMPLE_FLOOR} under ${SMALL_SAMPLE} cases)`, () => {
    const result = evaluate(loadCorpus(HELDOUT_PATH), parse);
    expect(result.total).toBeGreaterThan(0);
    expect(result.intentAccuracy).toBeGreaterThanOrEqual(INTENT_FLOOR);
    expect(slotsBelow(result, SLOT_FLOOR)).toEqual([]);
  });

  it.skipIf(!existsSync(HELDOUT2_PATH))(`held-out split, part 2: intent >= ${INTENT_FLOOR}, every slot >= ${HELDOUT2_SLOT_FLOOR}`, () => {
    const result = evaluate(loadCorpus(HELDOUT2_PATH), parse);
    expect(result.total).toBeGreaterThanOrEqual(300);
    expect(result.intentAccuracy).toBeGreaterThanOrEqual(INTENT_FLOOR);
    expect(slotsBelow(result, HELDOUT2_SLOT_FLOOR)).toEqual([]);
  });

  it.skipIf(!hasHeldout || !existsSync(HELDOUT2_PATH))(`held-out split, both parts together (issue 3's target): intent >= ${INTENT_FLOOR}, every slot >= ${SLOT_FLOOR}`, () => {
    const result = evaluate([...loadCorpus(HELDOUT_PATH), ...loadCorpus(HELDOUT2_PATH)], parse);
    expect(result.total).toBeGreaterThanOrEqual(600);
    expect(result.intentAccuracy).toBeGreaterThanOrEqual(INTENT_FLOOR);
    expect(slotsBelow(result, SLOT_FLOOR)).toEqual([]);
  });

  it('every development split has a floor', () => {
    expect(DEVELOPMENT_SPLITS.map((split) => split.name)).toEqual(Object.keys(DEVELOPMENT_FLOORS));
  });

  it.each(DEVELOPMENT_SPLITS.map((split) => ({ ...split, ...DEVELOPMENT_FLOORS[split.name]! })))(
    'development split $name ($about): intent >= $intent, every slot >= $slot',
    ({ path, minTotal, intent, slot }) => {
      const result = evaluate(loadCorpus(path), parse);
      expect(result.total).toBeGreaterThanOrEqual(minTotal);
      expect(result.intentAccuracy).toBeGreaterThanOrEqual(intent);
      expect(slotsBelow(result, slot)).toEqual([]);
    },
  );

  it('training split: the labels the parser was built from are met', () => {
    const result = evaluate(loadCorpus(TRAIN_PATH), parse);
    expect(result.total).toBeGreaterThanOrEqual(450);
    expect(result.intentAccuracy).toBeGreaterThanOrEqual(0.99);
    for (const s of Object.values(result.slots)) expect(s.accuracy).toBeGreaterThanOrEqual(0.97);
  });
});
