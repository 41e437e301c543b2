// `npm run bench:nlu`: accuracy on the held-out, development and training splits, parse latency, and a
// 100,000-message robustness run. Prints aggregate figures only: the held-out split must never be
// read message by message (it would stop being held out).
import { CONTRACT_INTENTS, CONTRACT_SLOTS, toContract } from '../src/core/command.ts';
import { DEVELOPMENT_SPLITS, HELDOUT2_PATH, HELDOUT_PATH, loadCorpus, TRAIN_PATH, type CorpusEntry } from '../src/nlu/corpus.ts';
import { createParser } from '../src/nlu/index.ts';
import { randomContext, randomMessage, seededRandom } from '../src/nlu/random-messages.ts';
import { type Evaluation, evaluate } from '../src/nlu/score.ts';

const INTENT_TARGET = 0.97;
const SLOT_TARGET = 0.95;
const P99_TARGET_MS = 2;
const LATENCY_RUNS = 10_000;
const WARMUP_RUNS = 1_000;
const RANDOM_MESSAGES = 100_000;

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW TARGET');

function report(name: string, ev: Evaluation): boolean {
  console.log(`\n${name}: ${ev.total} messages`);
  console.log(`  intent accuracy  ${pct(ev.intentAccuracy).padStart(6)}   ${verdict(ev.intentAccuracy >= INTENT_TARGET)}`);
  let ok = ev.intentAccuracy >= INTENT_TARGET;
  for (const [slot, s] of Object.entries(ev.slots).sort(([a], [b]) => a.localeCompare(b))) {
    const errors = s.correct === s.total ? '' : `   missed ${s.missed}, extra ${s.extra}, different ${s.different}`;
    console.log(`  ${slot.padEnd(16)} ${pct(s.accuracy).padStart(6)}   (${s.correct}/${s.total})   ${verdict(s.accuracy >= SLOT_TARGET)}${errors}`);
    ok &&= s.accuracy >= SLOT_TARGET;
  }
  return ok;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function latency(parse: ReturnType<typeof createParser>, corpus: readonly CorpusEntry[]): boolean {
  const ctx = (e: CorpusEntry) => ({ now: new Date(e.now), timeZone: e.tz, as: e.as });
  for (let i = 0; i < WARMUP_RUNS; i++) {
    const e = corpus[i % corpus.length] as CorpusEntry;
    parse(e.text, ctx(e));
  }
  const times: number[] = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const e = corpus[i % corpus.length] as CorpusEntry;
    const c = ctx(e);
    const start = performance.now();
    parse(e.text, c);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p99 = quantile(times, 0.99);
  console.log(`\nlatency over ${LATENCY_RUNS} parses (corpus cycled, after ${WARMUP_RUNS} warm-up parses)`);
  console.log(`  p50 ${quantile(times, 0.5).toFixed(3)} ms   p90 ${quantile(times, 0.9).toFixed(3)} ms   p99 ${p99.toFixed(3)} ms   max ${(times[times.length - 1] ?? 0).toFixed(1)} ms   ${verdict(p99 < P99_TARGET_MS)}`);
  return p99 < P99_TARGET_MS;
}

function robustness(): boolean {
  let thrown = 0;
  let ruleErrors = 0;
  let invalid = 0;
  let understood = 0;
  const parse = createParser({ onError: () => void ruleErrors++ });
  const rand = seededRandom(20_261_124);
  const start = performance.now();
  let slowest = 0;
  for (let i = 0; i < RANDOM_MESSAGES; i++) {
    try {
      const text = randomMessage(rand, i);
      const ctx = randomContext(rand);
      const t0 = performance.now();
      const result = toContract(parse(text, ctx));
      slowest = Math.max(slowest, performance.now() - t0);
      const slotsOk = Object.keys(result.slots).every((s) => (CONTRACT_SLOTS as readonly string[]).includes(s));
      if (!(CONTRACT_INTENTS as readonly string[]).includes(result.intent) || !slotsOk) invalid++;
      if (result.intent !== 'unknown') understood++;
      JSON.stringify(result);
    } catch {
      thrown++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(`\nrobustness: ${RANDOM_MESSAGES} random, unicode, control-character and repeated name/address messages (1 in 1000 of 100 KB) in ${seconds.toFixed(1)} s`);
  console.log(`  exceptions ${thrown}   rule errors caught ${ruleErrors}   invalid results ${invalid}   read as a command ${understood}   slowest parse ${slowest.toFixed(1)} ms   ${verdict(thrown + invalid + ruleErrors === 0)}`);
  return thrown + invalid + ruleErrors === 0;
}

const startedAt = performance.now();
const parse = createParser();
console.log(`parser start-up ${Math.round(performance.now() - startedAt)} ms (classifier trained from ${TRAIN_PATH})`);
const heldout1 = loadCorpus(HELDOUT_PATH);
const heldout2 = loadCorpus(HELDOUT2_PATH);
const heldout = [...heldout1, ...heldout2];
const train = loadCorpus(TRAIN_PATH);
let ok = true;
if (heldout.length === 0) {
  console.log(`\n*** no held-out split at ${HELDOUT_PATH}: accuracy targets not measured ***`);
  ok = false;
} else {
  // The targets apply to the whole held-out split; its two parts are shown for comparison.
  report('held-out part 1 (heldout.jsonl; for comparison)', evaluate(heldout1, parse));
  if (heldout2.length > 0) report('held-out part 2 (heldout2.jsonl; for comparison)', evaluate(heldout2, parse));
  ok = report('held-out (both parts)', evaluate(heldout, parse)) && ok;
}
// Written blind to the parser, then read and fixed against: for comparison only.
for (const split of DEVELOPMENT_SPLITS) report(`development ${split.name} (${split.about}; for comparison)`, evaluate(loadCorpus(split.path), parse));
report('train (for comparison)', evaluate(train, parse));
ok = latency(parse, heldout.length > 0 ? heldout : train) && ok;
ok = robustness() && ok;
console.log(`\n${ok ? 'all targets met' : 'some targets NOT met'}`);
process.exitCode = ok ? 0 : 1;
