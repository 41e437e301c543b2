import { renderBarChartPng, renderLineChartPng } from '../analytics/charts.ts';
import { churnRisk, type ChurnRiskInput } from '../analytics/churn-risk.ts';
import { clusterCustomers } from '../analytics/clusters.ts';
import { npsBetween, npsOf, npsTrend, type NpsResult } from '../analytics/nps.ts';
import { RFM_SEGMENT_MEANING, rfmScores, rfmSegmentSummaries } from '../analytics/rfm.ts';
import type { ReportPeriod } from '../core/command.ts';
import type { Analytics, ReportKind, ReportOptions } from '../core/engine/analytics-port.ts';
import type { ExecContext, Outcome } from '../core/engine/types.ts';
import { formatMoney } from '../core/money.ts';
import { reply, type Field } from '../core/reply.ts';
import type { AnalyticsSnapshot, CustomerFacts } from '../core/store.ts';
import { addDays, formatDay } from '../core/time.ts';
import { scoreValue, type ValueScores } from './value-models.ts';

/** Fitted models are reused for this long before a summary triggers a refit. */
const MODEL_TTL_MS = 6 * 3600_000;
const TOP = 10;
const AT_RISK_FROM = 50;
const PERIOD_DAYS: Record<Exclude<ReportPeriod, 'all'>, number> = { week: 7, month: 30, quarter: 91, year: 365 };

const signed = (n: number) => `${n > 0 ? '+' : ''}${Math.round(n)}`;

function npsLine(r: NpsResult): string {
  if (r.nps === null) return 'no answers yet';
  const margin = r.marginOfError95 !== null && r.answers > 1 ? ` ±${Math.round(r.marginOfError95)}` : '';
  return `${signed(r.nps)}${margin} from ${r.answers} answer${r.answers === 1 ? '' : 's'} (${r.promoters} promoters, ${r.passives} passives, ${r.detractors} detractors)`;
}

/** The churn-risk inputs of one customer from its facts (summary) or the snapshot (reports). */
function riskInput(data: {
  interactionDates: Date[]; responses: { score: number; receivedAt: Date }[]; sentiments: { score: number; at: Date }[];
  openTickets: number; openDeals: { updatedAt: Date }[]; value?: ValueScores['byCustomer'] extends Map<number, infer V> ? V : never;
}): ChurnRiskInput {
  return {
    interactionDates: data.interactionDates,
    npsAnswers: data.responses.map((r) => ({ score: r.score, answeredAt: r.receivedAt })),
    sentiments: data.sentiments,
    openTickets: data.openTickets,
    openDeals: data.openDeals.map((d) => ({ lastActivityAt: d.updatedAt })),
    ...(data.value ? { repeatPurchases: data.value.summary.x, probabilityAlive: data.value.probabilityAlive } : {}),
  };
}

function groupBy<T>(rows: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The analytics the chat shows: summary figures and the NPS, risk, value and segment reports. */
export function createAnalyticsService(): Analytics {
  let cached: { scores: ValueScores | null; at: number } | null = null;
  let refreshing = false;

  function models(snapshot: AnalyticsSnapshot, ctx: ExecContext): ValueScores | null {
    if (!cached || ctx.now.getTime() - cached.at > MODEL_TTL_MS) {
      cached = { scores: scoreValue(snapshot, ctx.workspace.currency, ctx.now, ctx.workspace.timeZone), at: ctx.now.getTime() };
    }
    return cached.scores;
  }

  return {
    async summaryFields(facts: CustomerFacts, ctx: ExecContext): Promise<Field[]> {
      // A summary never waits for a model fit: a stale or missing fit is refreshed for the next one.
      if ((!cached || ctx.now.getTime() - cached.at > MODEL_TTL_MS) && !refreshing) {
        refreshing = true;
        const snapshot = await ctx.tx.analyticsSnapshot();
        setImmediate(() => {
          try {
            models(snapshot, ctx);
          } finally {
            refreshing = false;
          }
        });
      }
      const value = cached?.scores?.byCustomer.get(facts.customer.id);
      const fields: Field[] = [];
      if (facts.responses.length) {
        const last = facts.responses[facts.responses.length - 1]!;
        fields.push({ label: 'NPS', value: `${npsLine(npsOf(facts.responses.map((r) => r.score)))}; last ${last.score} on ${formatDay(last.receivedAt, ctx.workspace.timeZone, ctx.now)}` });
      }
      if (value) {
        fields.push({ label: 'Predicted value', value: `${formatMoney(Math.round(value.clv * 100), cached!.scores!.currency)} over 12 months · ${Math.round(value.probabilityAlive * 100)}% likely still active` });
      }
      const risk = churnRisk(riskInput({
        interactionDates: facts.interactionDates, responses: facts.responses,
        sentiments: facts.recentInteractions.filter((i) => i.sentiment !== null).map((i) => ({ score: i.sentiment!, at: i.occurredAt })),
        openTickets: facts.openTickets.length, openDeals: facts.openDeals, value,
      }), ctx.now);
      if (facts.interactionCount > 0 || facts.purchases.length > 0) {
        fields.push({ label: 'Churn risk', value: `${risk.risk}/100${risk.reasons.length ? `: ${risk.reasons.join('; ')}` : ''}` });
        if (risk.risk >= AT_RISK_FROM) fields.push({ label: 'Next step', value: risk.nextStep });
      }
      return fields;
    },

    async report(kind: ReportKind, ctx: ExecContext, options: ReportOptions): Promise<Outcome> {
      const snapshot = await ctx.tx.analyticsSnapshot();
      const tz = ctx.workspace.timeZone;
      const one = options.customer;
      if (kind === 'nps') return one ? customerNps(snapshot, one, ctx) : npsReport(snapshot, ctx, options);
      const byCustomer = {
        interactions: groupBy(snapshot.interactions, (i) => i.customerId),
        responses: groupBy(snapshot.responses, (r) => r.customerId),
        tickets: groupBy(snapshot.openTickets, (t) => t.customerId),
        deals: groupBy(snapshot.openDeals, (d) => d.customerId),
      };
      const value = models(snapshot, ctx);
      const riskOf = (id: number) => {
        const interactions = byCustomer.interactions.get(id) ?? [];
        return churnRisk(riskInput({
          interactionDates: interactions.map((i) => i.occurredAt), responses: byCustomer.responses.get(id) ?? [],
          sentiments: interactions.filter((i) => i.sentiment !== null).map((i) => ({ score: i.sentiment!, at: i.occurredAt })),
          openTickets: byCustomer.tickets.get(id)?.length ?? 0, openDeals: byCustomer.deals.get(id) ?? [], value: value?.byCustomer.get(id),
        }), ctx.now);
      };
      if (kind === 'churn' && one) {
        if (!byCustomer.interactions.has(one.id) && !value?.byCustomer.has(one.id)) return { reply: reply('info', `Nothing logged for ${one.name} yet, so no churn risk.`) };
        const risk = riskOf(one.id);
        const verdict = risk.risk >= AT_RISK_FROM ? `at risk, ${risk.risk}/100` : `not at risk (${risk.risk}/100)`;
        return { reply: reply('info', `${one.name} is ${verdict}${risk.reasons.length ? `: ${risk.reasons.join('; ')}` : ''}.${risk.risk >= AT_RISK_FROM ? ` Next step: ${risk.nextStep}` : ''}`) };
      }
      if (kind === 'churn') {
        const risks = snapshot.customers
          .filter((c) => byCustomer.interactions.has(c.id) || value?.byCustomer.has(c.id))
          .map((c) => ({ customer: c, risk: riskOf(c.id) }))
          .filter((r) => r.risk.risk >= AT_RISK_FROM)
          .sort((a, b) => b.risk.risk - a.risk.risk);
        if (risks.length === 0) return { reply: reply('info', 'Nobody looks at risk right now.') };
        return {
          reply: reply('info', `${risks.length} customer${risks.length === 1 ? '' : 's'} at risk${risks.length > TOP ? `; the ${TOP} most at risk` : ''}:`, {
            title: 'Who is at risk',
            items: risks.slice(0, TOP).map((r) => `${r.customer.name} ${r.risk.risk}/100: ${r.risk.reasons.join('; ')} → ${r.risk.nextStep}`),
          }),
        };
      }
      if (!value) return { reply: reply('info', `Not enough purchase history in ${ctx.workspace.currency} yet: the models need some repeat buyers.`) };
      const names = new Map(snapshot.customers.map((c) => [c.id, c.name]));
      const scores = [...value.byCustomer.entries()];
      const money = (n: number) => formatMoney(Math.round(n * 100), value.currency);
      const mine = one && value.byCustomer.get(one.id);
      if (one && !mine) return { reply: reply('info', `${one.name} has no purchases in ${value.currency} yet, so no ${kind === 'clv' ? 'predicted value' : 'segment'}.`) };
      if (kind === 'clv' && one && mine) {
        return { reply: reply('info', `${one.name}: ${money(mine.clv)} predicted over the next 12 months (discounted) · ${money(mine.summary.revenue)} so far · ${Math.round(mine.probabilityAlive * 100)}% likely still active.`) };
      }
      if (kind === 'clv') {
        const top = scores.sort((a, b) => b[1].clv - a[1].clv).slice(0, TOP);
        return {
          reply: reply('info', `Top ${top.length} customers by predicted value over the next 12 months (discounted):`, {
            title: 'Lifetime value',
            items: top.map(([id, s]) => `${names.get(id) ?? `#${id}`}: ${money(s.clv)} predicted · ${money(s.summary.revenue)} so far · ${Math.round(s.probabilityAlive * 100)}% likely active`),
            image: { alt: 'predicted-value', png: renderBarChartPng({ title: 'Predicted 12-month value', labels: top.map(([id]) => names.get(id) ?? `#${id}`), values: top.map(([, s]) => Math.round(s.clv)) }) },
          }),
        };
      }
      const rfmInput = scores.map(([id, s]) => ({ customerId: id, daysSinceLastPurchase: s.summary.daysSinceLastPurchase, purchases: s.summary.purchases, revenue: s.summary.revenue }));
      const rfm = rfmScores(rfmInput);
      const theirs = one && rfm.find((r) => r.customerId === one.id);
      if (theirs) {
        return { reply: reply('info', `${one!.name} is in the ${theirs.segment} segment (recency ${theirs.recency}, frequency ${theirs.frequency}, spend ${theirs.monetary}, each 1-5): ${RFM_SEGMENT_MEANING[theirs.segment]}.`) };
      }
      const summaries = rfmSegmentSummaries(rfm, rfmInput).filter((s) => s.customers > 0);
      const clusters = clusterCustomers(rfmInput);
      return {
        reply: reply('info', `${rfmInput.length} buying customers in ${summaries.length} RFM segments (as of ${formatDay(ctx.now, tz, ctx.now)}):`, {
          title: 'Segments',
          items: summaries.map((s) => `${s.segment}: ${s.customers} · ${formatMoney(Math.round(s.revenue * 100), value.currency)} · ${RFM_SEGMENT_MEANING[s.segment]}`),
          fields: clusters.map((c, i) => ({ label: `Cluster ${i + 1}`, value: c.description })),
          image: { alt: 'segments', png: renderBarChartPng({ title: 'Customers per segment', labels: summaries.map((s) => s.segment), values: summaries.map((s) => s.customers) }) },
        }),
      };
    },
  };
}

function customerNps(snapshot: AnalyticsSnapshot, customer: { id: number; name: string }, ctx: ExecContext): Outcome {
  const theirs = snapshot.responses.filter((r) => r.customerId === customer.id);
  if (theirs.length === 0) return { reply: reply('info', `No survey answers from ${customer.name} yet. Send one: “send the NPS survey to ${customer.name}”.`) };
  const last = theirs[theirs.length - 1]!;
  return { reply: reply('info', `${customer.name}: NPS ${npsLine(npsOf(theirs.map((r) => r.score)))}; last answer ${last.score} on ${formatDay(last.receivedAt, ctx.workspace.timeZone, ctx.now)}.`) };
}

function npsReport(snapshot: AnalyticsSnapshot, ctx: ExecContext, options: ReportOptions): Outcome {
  const tz = ctx.workspace.timeZone;
  const responses = snapshot.responses.map((r) => ({ score: r.score, answeredAt: r.receivedAt }));
  if (responses.length === 0) return { reply: reply('info', 'No survey answers yet. Send one: “send the NPS survey to Acme”.') };
  const period = options.period ?? 'all';
  const fields: Field[] = [];
  if (period === 'all') {
    fields.push({ label: 'All time', value: npsLine(npsOf(responses.map((r) => r.score))) });
    fields.push({ label: 'Last 90 days', value: npsLine(npsBetween(responses, { from: addDays(ctx.now, -90), to: ctx.now, timeZone: tz })) });
  } else {
    const days = PERIOD_DAYS[period];
    const current = npsBetween(responses, { from: addDays(ctx.now, -days + 1), to: ctx.now, timeZone: tz });
    fields.push({ label: `Last ${period}`, value: npsLine(current) });
    if (options.compare) {
      const previous = npsBetween(responses, { from: addDays(ctx.now, -2 * days + 1), to: addDays(ctx.now, -days), timeZone: tz });
      fields.push({ label: `The ${period} before`, value: npsLine(previous) });
      if (current.nps !== null && previous.nps !== null) fields.push({ label: 'Change', value: `${signed(current.nps - previous.nps)} points` });
    }
  }
  const trend = npsTrend(responses, { by: 'month', timeZone: tz }).slice(-12);
  return {
    reply: reply('info', 'Net Promoter Score (% promoters 9-10 minus % detractors 0-6):', {
      title: 'NPS',
      fields,
      ...(trend.length > 1 ? { image: { alt: 'nps-trend', png: renderLineChartPng({ title: 'NPS by month', labels: trend.map((t) => t.period), values: trend.map((t) => t.nps ?? 0) }) } } : {}),
    }),
  };
}
