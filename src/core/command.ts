/** Kinds of interaction an operator can log. */
export const INTERACTION_KINDS = ['call', 'email', 'meeting', 'message', 'note'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** Deal stages, in pipeline order. */
export const DEAL_STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

/** Customer lifecycle stages. */
export const LIFECYCLE_STAGES = ['lead', 'active', 'at_risk', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The intents of the parse contract (../shared/docs/product.md), operator side then customer side. */
export const CONTRACT_INTENTS = [
  'log_interaction', 'add_customer', 'update_customer', 'customer_summary', 'list_customers',
  'create_followup', 'list_followups', 'complete_followup', 'snooze_followup', 'record_purchase',
  'create_deal', 'update_deal', 'pipeline_report', 'open_ticket', 'close_ticket', 'send_survey',
  'nps_report', 'churn_report', 'clv_report', 'segment_report', 'export', 'erase_contact', 'undo',
  'help', 'unknown', 'nps_reply',
] as const;

/** Slot names of the parse contract; a slot the message does not give is absent. */
export const CONTRACT_SLOTS = [
  'customer', 'contact', 'kind', 'dueAt', 'amount', 'currency', 'stage', 'score', 'note', 'email',
  'phone', 'tag',
] as const;

/** The contract's slots with their typed values (`dueAt` is serialized as ISO-8601 UTC). */
export interface Slots {
  /** A customer's name as written ("Acme", "Dunder Mifflin"). */
  customer?: string;
  /** A contact's name as written ("Jane"). */
  contact?: string;
  kind?: InteractionKind;
  /** A due time (follow-ups, snoozes) or, for list_followups, the end of the window asked about. */
  dueAt?: Date;
  /** Major units ("$1,200" is 1200). */
  amount?: number;
  /** ISO 4217 code. */
  currency?: string;
  /** A deal stage or a lifecycle stage, depending on the intent. */
  stage?: string;
  /** 0-10, survey answers. */
  score?: number;
  /** Free words that belong to the command (the gist of a call, a ticket subject, a comment). */
  note?: string;
  email?: string;
  phone?: string;
  tag?: string;
}

type Cmd<I extends string, S extends keyof Slots = never, X = unknown> = { intent: I } & Pick<Slots, S> & X;

/** Periods for reports. */
export type ReportPeriod = 'week' | 'month' | 'quarter' | 'year' | 'all';

/** Survey rules an operator can change by chat. */
export type SurveyRule = 'firstAfterDays' | 'everyDays' | 'minGapDays' | 'dailyCap';

/**
 * Everything the engine can be asked to do. The parser's only output is a Command; buttons and
 * the scheduler produce Commands too. Field names follow the contract's slots where they overlap.
 */
export type Command =
  | Cmd<'log_interaction', 'customer' | 'contact' | 'kind' | 'note' | 'dueAt' | 'email' | 'phone', {
      /** When it happened ("met Bob yesterday"); default: now. */
      occurredAt?: Date;
      /** The operator's own words to store; default: the whole message. */
      words?: string;
    }>
  | Cmd<'add_customer', 'customer' | 'contact' | 'email' | 'phone' | 'tag' | 'stage'>
  | Cmd<'update_customer', 'customer' | 'contact' | 'email' | 'phone' | 'tag' | 'stage', {
      /** New name for the customer. */
      rename?: string;
      /** Remove `tag` instead of adding it. */
      untag?: boolean;
    }>
  | Cmd<'customer_summary', 'customer' | 'contact'>
  | Cmd<'list_customers', 'tag' | 'stage'>
  | Cmd<'create_followup', 'customer' | 'contact' | 'dueAt' | 'note'>
  | Cmd<'list_followups', 'dueAt' | 'customer'>
  | Cmd<'complete_followup', 'customer' | 'contact' | 'note', { followUpId?: number }>
  | Cmd<'snooze_followup', 'customer' | 'contact' | 'dueAt', { followUpId?: number }>
  | Cmd<'record_purchase', 'customer' | 'contact' | 'amount' | 'currency' | 'note', { occurredAt?: Date }>
  | Cmd<'create_deal', 'customer' | 'contact' | 'amount' | 'currency' | 'stage' | 'note'>
  | Cmd<'update_deal', 'customer' | 'contact' | 'amount' | 'currency' | 'stage'>
  | Cmd<'pipeline_report'>
  | Cmd<'open_ticket', 'customer' | 'contact' | 'note'>
  | Cmd<'close_ticket', 'customer' | 'contact' | 'note', { ticketId?: number }>
  | Cmd<'send_survey', 'customer' | 'contact'>
  | Cmd<'nps_report', 'customer' | 'contact', { period?: ReportPeriod; compare?: boolean }>
  | Cmd<'churn_report', 'customer' | 'contact'>
  | Cmd<'clv_report', 'customer' | 'contact'>
  | Cmd<'segment_report', 'customer' | 'contact'>
  | Cmd<'export', never, { what?: 'customers' | 'interactions' | 'purchases' }>
  | Cmd<'erase_contact', 'customer' | 'contact'>
  | Cmd<'undo', never, {
      /** From an Undo button: the change set it was shown under; only that change may be undone. */
      changeSetId?: number;
    }>
  | Cmd<'help'>
  | Cmd<'unknown', never, { reason?: 'empty' | 'too_long' | 'not_understood' }>
  // Beyond the contract's list: housekeeping the engine offers by chat.
  | Cmd<'merge_customers', 'customer', { into?: string }>
  | Cmd<'link_contact', 'customer' | 'contact', { platformUserId?: string }>
  | Cmd<'invite_contact', 'customer' | 'contact'>
  | Cmd<'schedule_report'>
  | Cmd<'set_surveys', never, { paused: boolean }>
  | Cmd<'set_survey_rule', never, { rule: SurveyRule; value: number }>
  | Cmd<'set_timezone', never, { timeZone: string }>
  | Cmd<'inbox'>
  // Customer side.
  | Cmd<'nps_reply', 'score' | 'note'>;

/** The name of a Command variant. */
export type Intent = Command['intent'];

/** The variant of Command with the given intent. */
export type CommandOf<I extends Intent> = Extract<Command, { intent: I }>;

/** What `crm parse --json` prints: the contract's view of a Command. */
export interface ContractResult {
  intent: string;
  slots: Record<string, string | number>;
}

/** Projects a Command onto the parse contract (only contract slots; dates as ISO-8601 UTC). */
export function toContract(cmd: Command): ContractResult {
  const slots: Record<string, string | number> = {};
  const source = cmd as Record<string, unknown>;
  for (const name of CONTRACT_SLOTS) {
    const value = source[name];
    if (value instanceof Date) slots[name] = value.toISOString();
    else if (typeof value === 'string' || typeof value === 'number') slots[name] = value;
  }
  const intent = (CONTRACT_INTENTS as readonly string[]).includes(cmd.intent) ? cmd.intent : 'unknown';
  return { intent, slots: intent === 'unknown' && cmd.intent !== 'unknown' ? {} : slots };
}
