import type { ReportPeriod } from '../command.ts';
import type { Field } from '../reply.ts';
import type { CustomerFacts } from '../store.ts';
import type { ExecContext, Outcome } from './types.ts';

/** What a report is about: a period (NPS) and possibly one customer. */
export interface ReportOptions {
  period?: ReportPeriod;
  compare?: boolean;
  customer?: { id: number; name: string };
}

/** Reports the analytics module answers in chat. */
export type ReportKind = 'nps' | 'churn' | 'clv' | 'segments';

/** The figures behind summaries and reports, computed by the analytics module. */
export interface Analytics {
  /** Extra rows for a customer summary: NPS, lifetime value, churn risk with its reasons. */
  summaryFields(facts: CustomerFacts, ctx: ExecContext): Promise<Field[]>;
  /**
   * One of the chat reports ("what's our NPS?", "who is at risk?", ...), or, with `customer`, that
   * customer's line of it ("CLV for Acme", "which segment is Acme in?").
   */
  report(kind: ReportKind, ctx: ExecContext, options: ReportOptions): Promise<Outcome>;
}
