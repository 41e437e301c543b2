/** Net Promoter Score as product.md defines it: % promoters (9-10) minus % detractors (0-6), with margins of error. */

import { createCalendarDayOf, yearMonthOf, type DateInput } from './calendar.ts';

/** Two-sided 95% normal quantile. */
const Z_95 = 1.959963984540054;

/** A 95% confidence interval on the NPS scale (-100..100). */
export type NpsInterval = readonly [low: number, high: number];

/** NPS of a set of answers; `nps` and the intervals are null when there are no answers. */
export interface NpsResult {
  nps: number | null;
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Half-width of the Wald 95% interval, in NPS points. */
  marginOfError95: number | null;
  /** Wald interval: NPS ± z·sqrt((p+d-(p-d)²)/n), clipped to -100..100. */
  wald95: NpsInterval | null;
  /** Adjusted Wald (¾ promoter and ¾ detractor added, n+3), better behaved for small samples. */
  adjustedWald95: NpsInterval | null;
}

/** One survey answer. */
export interface NpsResponse {
  score: number;
  answeredAt: DateInput;
  /** Optional group label for npsBySegment (plan, channel, region, ...). */
  segment?: string;
}

/** NPS of one period of a trend; `period` is `YYYY-MM` or `YYYY-Qn`. */
export interface NpsPeriod extends NpsResult {
  period: string;
}

/** NPS of one segment. */
export interface NpsSegment extends NpsResult {
  segment: string;
}

/** Computes NPS, counts and 95% intervals from 0-10 scores; throws RangeError for a score outside 0-10 or non-integer. */
export function npsOf(scores: Iterable<number>): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`NPS score must be an integer 0-10, got ${score}`);
    if (score >= 9) promoters += 1;
    else if (score >= 7) passives += 1;
    else detractors += 1;
  }
  const answers = promoters + passives + detractors;
  if (answers === 0) {
    return { nps: null, answers, promoters, passives, detractors, marginOfError95: null, wald95: null, adjustedWald95: null };
  }
  const wald = waldInterval(promoters, detractors, answers);
  return {
    nps: (100 * (promoters - detractors)) / answers,
    answers,
    promoters,
    passives,
    detractors,
    marginOfError95: wald.marginOfError,
    wald95: wald.interval,
    adjustedWald95: waldInterval(promoters + 0.75, detractors + 0.75, answers + 3).interval,
  };
}

/** NPS per calendar month or quarter in `timeZone`, oldest first; periods without answers are left out. */
export function npsTrend(
  responses: Iterable<NpsResponse>,
  options: { by: 'month' | 'quarter'; timeZone?: string },
): NpsPeriod[] {
  const dayOf = createCalendarDayOf(options.timeZone);
  const scoresByPeriod = new Map<string, number[]>();
  for (const response of responses) {
    const { year, month } = yearMonthOf(dayOf(response.answeredAt));
    const period =
      options.by === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.ceil(month / 3)}`;
    pushTo(scoresByPeriod, period, response.score);
  }
  return [...scoresByPeriod.keys()].sort().map((period) => ({ period, ...npsOf(scoresByPeriod.get(period) ?? []) }));
}

/** NPS of answers given between two calendar days inclusive (`YYYY-MM-DD` or instants) in `timeZone`. */
export function npsBetween(
  responses: Iterable<NpsResponse>,
  period: { from: DateInput; to: DateInput; timeZone?: string },
): NpsResult {
  const dayOf = createCalendarDayOf(period.timeZone);
  const fromDay = dayOf(period.from);
  const toDay = dayOf(period.to);
  const scores: number[] = [];
  for (const response of responses) {
    const day = dayOf(response.answeredAt);
    if (day >= fromDay && day <= toDay) scores.push(response.score);
  }
  return npsOf(scores);
}

/** NPS per segment label, most answers first; answers without a segment are grouped under `unassignedLabel`. */
export function npsBySegment(
  responses: Iterable<Pick<NpsResponse, 'score' | 'segment'>>,
  unassignedLabel = 'other',
): NpsSegment[] {
  const scoresBySegment = new Map<string, number[]>();
  for (const response of responses) pushTo(scoresBySegment, response.segment ?? unassignedLabel, response.score);
  return [...scoresBySegment.entries()]
    .map(([segment, scores]) => ({ segment, ...npsOf(scores) }))
    .sort((left, right) => right.answers - left.answers || left.segment.localeCompare(right.segment));
}

function waldInterval(promoters: number, detractors: number, answers: number) {
  const promoterShare = promoters / answers;
  const detractorShare = detractors / answers;
  const score = promoterShare - detractorShare;
  // NPS is the mean of +1/0/-1 per answer, so its variance is E[v²] - E[v]².
  const variance = promoterShare + detractorShare - score * score;
  const marginOfError = 100 * Z_95 * Math.sqrt(Math.max(0, variance) / answers);
  const interval: NpsInterval = [Math.max(-100, 100 * score - marginOfError), Math.min(100, 100 * score + marginOfError)];
  return { marginOfError, interval };
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
