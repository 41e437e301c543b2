import type { Workspace } from '../core/domain.ts';
import type { Logger } from '../core/engine/types.ts';
import type { OutgoingMessage } from '../core/outbox.ts';

/** A configured operator account ("who may use the CRM"), from SLACK_/DISCORD_/TELEGRAM_OPERATOR_IDS. */
export interface OperatorAccount {
  platform: string;
  userId: string;
}

/** An operator account whose chat the bot knows (recorded when the operator last wrote). */
export interface KnownOperatorChat extends OperatorAccount {
  chatId: string;
}

/** Where a proactive message to an operator goes. */
export interface OperatorChat {
  platform: string;
  chatId: string;
  /** Stable name of the recipient inside idempotency keys: "<platform>:<user id>" or "console". */
  who: string;
}

/** A chat the bot can write a customer's contact on. */
export interface ContactChat {
  platform: string;
  chatId: string;
}

/** The workspace settings the sweeps follow (read fresh on every sweep: chat commands change them). */
export type ScheduleSettings = Pick<
  Workspace,
  | 'businessName' | 'timeZone' | 'locale' | 'quietHoursStartMin' | 'quietHoursEndMin' | 'surveyFirstAfterDays'
  | 'surveyEveryDays' | 'surveyMinGapDays' | 'surveyDailyCap' | 'surveysPaused' | 'churnAlertThreshold'
>;

/** An open follow-up as reminders and digests show it. */
export interface DueFollowUp {
  id: number;
  title: string;
  dueAt: Date;
  customerName: string | null;
}

/** A survey the operator asked for ("send the NPS survey to Acme"), waiting to go out. */
export interface ScheduledSurvey {
  id: number;
  customerId: number;
  customerName: string;
  contactId: number;
  contactName: string;
  /** The contact's linked chat; null when the link was removed since. */
  chat: ContactChat | null;
  /** The contact's zone, else the customer's; null when neither is known. */
  timeZone: string | null;
  /** When this contact was last sent a survey. */
  lastSentAt: Date | null;
}

/** A linked contact the automatic cadence may survey. */
export interface SurveyCandidate {
  customerId: number;
  customerName: string;
  contactId: number;
  contactName: string;
  chat: ContactChat;
  timeZone: string | null;
  /** The customer's first purchase; no purchase, no automatic survey. */
  firstPurchaseAt: Date | null;
  lastSentAt: Date | null;
}

/** A sent survey with no answer yet and no reminder. */
export interface UnansweredSurvey {
  id: number;
  contactName: string;
  chat: ContactChat | null;
  timeZone: string | null;
  sentAt: Date;
}

/** What churn risk and the weekly digest read about one customer. */
export interface CustomerActivity {
  customerId: number;
  name: string;
  interactions: { at: Date; sentiment: number | null }[];
  npsAnswers: { score: number; answeredAt: Date }[];
  openTickets: number;
  openDeals: { lastActivityAt: Date }[];
  purchases: number;
}

/** The last churn alert sent about a customer. */
export interface LastRiskAlert {
  risk: number;
  sentAt: Date;
}

/** A churn alert to record with the messages that carry it. */
export interface RiskAlertRecord {
  customerId: number;
  risk: number;
  reasons: string[];
  sentAt: Date;
}

/** Reads and writes of one survey sweep, inside one transaction that other instances wait for. */
export interface SurveyTx {
  settings(): Promise<ScheduleSettings>;
  listScheduledSurveys(limit: number): Promise<ScheduledSurvey[]>;
  listSurveyCandidates(): Promise<SurveyCandidate[]>;
  /** Sent, unanswered, not yet reminded surveys sent within [from, to]. */
  listUnremindedSurveys(from: Date, to: Date, limit: number): Promise<UnansweredSurvey[]>;
  countSurveysSentSince(since: Date): Promise<number>;
  /** Queues a message in this transaction; false when its key was already queued. */
  enqueue(message: OutgoingMessage): Promise<boolean>;
  markSurveySent(id: number, at: Date): Promise<void>;
  createSentSurvey(survey: { customerId: number; contactId: number; platform: string }, at: Date): Promise<void>;
  markSurveyReminded(id: number, at: Date): Promise<void>;
  /** A scheduled survey that will not be sent (a rule blocked it, or it duplicates another). */
  expireSurvey(id: number): Promise<void>;
}

/** The database as the sweeps see it; every write is idempotent, so two instances may run the same sweep. */
export interface SchedulerStore {
  settings(): Promise<ScheduleSettings>;
  /** The chats of these operator accounts, when known. */
  findOperatorChats(accounts: OperatorAccount[]): Promise<KnownOperatorChat[]>;
  /** Open follow-ups due at or before `dueBy`, by id after `afterId` (pages). */
  listDueFollowUps(dueBy: Date, afterId: number, limit: number): Promise<DueFollowUp[]>;
  /** Open follow-ups due in [from, before) (from: the beginning of time when absent), earliest first, with their total count. */
  listOpenFollowUps(due: { from?: Date; before: Date }, limit: number): Promise<{ rows: DueFollowUp[]; total: number }>;
  /** Which of these idempotency keys are already queued (or were sent). */
  existingKeys(keys: string[]): Promise<Set<string>>;
  /** Queues messages, skipping keys already queued (another instance may have just done it); returns how many were queued. */
  enqueue(messages: OutgoingMessage[]): Promise<number>;
  /** Runs a survey sweep in a transaction serialised across instances (the daily cap holds). */
  surveys<T>(body: (tx: SurveyTx) => Promise<T>): Promise<T>;
  listCustomerActivity(): Promise<CustomerActivity[]>;
  lastRiskAlerts(): Promise<Map<number, LastRiskAlert>>;
  /**
   * Queues the alert's messages and records it, in one transaction; false (nothing recorded) when
   * the first message's key was already queued by another instance.
   */
  recordRiskAlert(alert: RiskAlertRecord, messages: OutgoingMessage[]): Promise<boolean>;
}

/** What every sweep gets besides the instant it runs for. */
export interface SweepDeps {
  store: SchedulerStore;
  /** Operator accounts from the configuration; only they get proactive messages. */
  operators: OperatorAccount[];
  /** Platforms with a running channel; 'console' included in the terminal chat. */
  platforms: ReadonlySet<string>;
  log?: Logger;
}
