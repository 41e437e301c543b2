/** Churn risk 0-100 per customer with readable reasons and a suggested next step; pure, the clock is passed in. */

import { mean, median } from 'simple-statistics';
import { MS_PER_DAY, type DateInput } from './calendar.ts';

/** Everything churn risk looks at for one customer; all but interactionDates are optional. */
export interface ChurnRiskInput {
  /** When we were in touch (calls, emails, messages, meetings, either direction). */
  interactionDates: readonly DateInput[];
  /** NPS answers, any order. */
  npsAnswers?: readonly { score: number; answeredAt: DateInput }[];
  /** Sentiment of messages or comments, -1 (negative) to 1 (positive), any order. */
  sentiments?: readonly { score: number; at: DateInput }[];
  openTickets?: number;
  /** Open deals with the time anything last happened on them. */
  openDeals?: readonly { lastActivityAt: DateInput }[];
  /** Repeat purchases (x); the BG/NBD probability alive only counts for repeat buyers. */
  repeatPurchases?: number;
  /** BG/NBD probability alive, 0-1. */
  probabilityAlive?: number;
}

/** Thresholds of churnRisk; all optional. */
export interface ChurnRiskOptions {
  /** Usual gap between contacts when there are fewer than 3 contacts to learn it from (default 30 days). */
  defaultContactGapDays?: number;
  /** A deal with no activity for this long is stalled (default 21 days). */
  stalledDealAfterDays?: number;
}

/** Risk 0-100 (higher is worse), the reasons behind it (strongest first) and one suggested next step. */
export interface ChurnRisk {
  risk: number;
  reasons: string[];
  nextStep: string;
}

interface RiskFactor {
  /** Weight × factor risk, 0-1: this factor's share in the combined risk. */
  contribution: number;
  reason: string;
  nextStep: string;
}

/** Factors contributing less than this are left out of the reasons. */
const MIN_CONTRIBUTION_TO_MENTION = 0.05;

/**
 * Combines the factors as independent warning signs (noisy-OR: risk = 1 − Π(1 − contribution)), so one strong
 * sign is enough for a high score and more signs only add to it.
 */
export function churnRisk(input: ChurnRiskInput, now: Date, options: ChurnRiskOptions = {}): ChurnRisk {
  const nowMs = now.getTime();
  const factors = [
    probabilityAliveFactor(input),
    contactFactor(input.interactionDates, nowMs, options.defaultContactGapDays ?? 30),
    npsFactor(input.npsAnswers ?? []),
    sentimentFactor(input.sentiments ?? []),
    ticketFactor(input.openTickets ?? 0),
    stalledDealFactor(input.openDeals ?? [], nowMs, options.stalledDealAfterDays ?? 21),
  ].filter((factor): factor is RiskFactor => factor !== undefined && factor.contribution >= MIN_CONTRIBUTION_TO_MENTION);
  factors.sort((left, right) => right.contribution - left.contribution);
  const keep = factors.reduce((product, factor) => product * (1 - factor.contribution), 1);
  return {
    risk: Math.round(100 * (1 - keep)),
    reasons: factors.map((factor) => factor.reason),
    nextStep: factors[0]?.nextStep ?? 'No action needed: keep the usual rhythm',
  };
}

function probabilityAliveFactor(input: ChurnRiskInput): RiskFactor | undefined {
  if (!((input.repeatPurchases ?? 0) > 0) || input.probabilityAlive === undefined) return undefined;
  const percent = Math.round(100 * input.probabilityAlive);
  return {
    contribution: 0.6 * clamp01(1 - input.probabilityAlive),
    reason: `probability alive ${percent}%`,
    nextStep: 'Send a win-back offer: their buying pattern says they may have stopped',
  };
}

function contactFactor(dates: readonly DateInput[], nowMs: number, defaultGapDays: number): RiskFactor | undefined {
  const days = [...new Set(dates.map((date) => Math.floor(toMs(date) / MS_PER_DAY)))].sort((left, right) => left - right);
  const lastDay = days.at(-1);
  if (lastDay === undefined) return undefined;
  const daysSince = Math.max(0, Math.floor(nowMs / MS_PER_DAY) - lastDay);
  const gaps = days.slice(1).map((day, i) => day - (days[i] ?? day));
  // Two gaps are the least that says anything about this customer's own rhythm.
  const usualGapDays = gaps.length >= 2 ? Math.max(1, median(gaps)) : defaultGapDays;
  const overdue = daysSince / usualGapDays;
  return {
    // On schedule is no risk; four usual gaps of silence is the full weight.
    contribution: 0.5 * clamp01((overdue - 1) / 3),
    reason: gaps.length >= 2 ? `no contact for ${daysSince} days, usually every ${Math.round(usualGapDays)}` : `no contact for ${daysSince} days`,
    nextStep: `Check in: it has been ${daysSince} days since you were last in touch`,
  };
}

function npsFactor(answers: readonly { score: number; answeredAt: DateInput }[]): RiskFactor | undefined {
  const ordered = [...answers].sort((left, right) => toMs(left.answeredAt) - toMs(right.answeredAt));
  const last = ordered.at(-1)?.score;
  if (last === undefined) return undefined;
  const previous = ordered.at(-2)?.score;
  const fell = previous !== undefined && previous - last >= 3;
  const levelRisk = last <= 6 ? 0.5 + (6 - last) / 12 : last <= 8 ? 0.15 : 0;
  return {
    contribution: 0.5 * clamp01(levelRisk + (fell ? 0.2 : 0)),
    reason: fell ? `NPS fell from ${previous} to ${last}` : `last NPS ${last}`,
    nextStep: `Call to ask what went wrong (last NPS ${last})`,
  };
}

function sentimentFactor(sentiments: readonly { score: number; at: DateInput }[]): RiskFactor | undefined {
  const ordered = [...sentiments].sort((left, right) => toMs(left.at) - toMs(right.at)).map((sentiment) => sentiment.score);
  if (ordered.length === 0) return undefined;
  const recent = mean(ordered.slice(-3));
  const earlier = ordered.length > 3 ? mean(ordered.slice(-6, -3)) : undefined;
  const drop = earlier === undefined ? 0 : earlier - recent;
  return {
    // A small wobble (under 0.2) is noise; a negative level or a clear fall is not.
    contribution: 0.3 * clamp01(Math.max(0, -recent) + Math.max(0, drop - 0.2)),
    reason:
      earlier !== undefined && drop >= 0.3
        ? `sentiment falling (${earlier.toFixed(1)} to ${recent.toFixed(1)})`
        : `negative tone lately (${recent.toFixed(1)})`,
    nextStep: 'Read their latest messages and answer the complaint personally',
  };
}

function ticketFactor(openTickets: number): RiskFactor | undefined {
  if (openTickets <= 0) return undefined;
  const noun = openTickets === 1 ? 'ticket' : 'tickets';
  return {
    contribution: 0.35 * (1 - Math.pow(0.6, openTickets)),
    reason: `${openTickets} open ${noun}`,
    nextStep: `Close the ${openTickets} open ${noun} first`,
  };
}

function stalledDealFactor(openDeals: readonly { lastActivityAt: DateInput }[], nowMs: number, stalledAfterDays: number): RiskFactor | undefined {
  const idleDays = Math.max(0, ...openDeals.map((deal) => Math.floor((nowMs - toMs(deal.lastActivityAt)) / MS_PER_DAY)));
  if (idleDays < stalledAfterDays) return undefined;
  return {
    contribution: 0.3 * Math.min(1, Math.max(0.3, idleDays / 60)),
    reason: `deal stalled ${idleDays} days`,
    nextStep: 'Nudge the stalled deal or close it as lost',
  };
}

function toMs(date: DateInput): number {
  const ms = typeof date === 'string' ? Date.parse(date) : date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a date: "${String(date)}"`);
  return ms;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
