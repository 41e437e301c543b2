import type {
  AuditedEntities, ChatIdentity, Contact, CreateData, Customer, CustomerMessage, Deal, EntityName, FollowUp,
  Interaction, Purchase, SurveyResponse, Ticket, UpdateData, Workspace,
} from './domain.ts';
import type { OutgoingMessage } from './outbox.ts';

/** A customer's name as the fuzzy matcher needs it. */
export interface CustomerName {
  id: number;
  name: string;
  nameKey: string;
}

/** A contact with the name of its customer. */
export interface ContactWithCustomer extends Contact {
  customerName: string;
}

/** One row the audit log recorded. */
export interface AuditRecord {
  action: 'create' | 'update' | 'delete';
  entity: EntityName;
  entityId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A change set that undo can revert. */
export interface UndoableChange {
  id: number;
  summary: string;
  createdAt: Date;
  entries: AuditRecord[];
}

/** The figures of a customer summary, read in one go. */
export interface CustomerFacts {
  customer: Customer;
  tags: string[];
  contacts: Contact[];
  recentInteractions: Interaction[];
  interactionCount: number;
  /** Dates of every interaction, oldest first (for the usual gap between contacts). */
  interactionDates: Date[];
  /** Sentiment of the recent interactions, oldest first. */
  recentSentiments: number[];
  openFollowUps: FollowUp[];
  purchases: Purchase[];
  openDeals: Deal[];
  openTickets: Ticket[];
  responses: SurveyResponse[];
}

/** Everything the analytics reports read, in bulk. */
export interface AnalyticsSnapshot {
  customers: { id: number; name: string; stage: string; createdAt: Date }[];
  interactions: { customerId: number; occurredAt: Date; sentiment: number | null }[];
  purchases: { customerId: number; occurredAt: Date; amountMinor: number; currency: string }[];
  responses: { customerId: number; score: number; receivedAt: Date }[];
  openTickets: { customerId: number }[];
  openDeals: { customerId: number; updatedAt: Date }[];
}

/** Pending question and references per operator and chat. */
export interface ConversationRecord {
  pending: string | null;
  lastCustomerId: number | null;
  lastFollowUpId: number | null;
}

/** Where a conversation happens: platform, chat and user. */
export interface ConversationKey {
  platform: string;
  chatId: string;
  userId: string;
}

/** Everything the engine reads and writes inside one transaction. Writes are audited. */
export interface StoreTx {
  /** Creates a record and logs it in the change set. */
  create<E extends EntityName>(entity: E, data: CreateData<E>): Promise<AuditedEntities[E]>;
  /** Updates a record (logged with before and after). */
  update<E extends EntityName>(entity: E, id: number, data: UpdateData<E>): Promise<AuditedEntities[E]>;
  /** Deletes a record (logged with its content, so undo can put it back). */
  remove<E extends EntityName>(entity: E, id: number): Promise<void>;
  /** Reads one record by id. */
  get<E extends EntityName>(entity: E, id: number): Promise<AuditedEntities[E] | null>;
  /** Moves every child record (interactions, follow-ups, ...) from one customer to another, audited. */
  reassignCustomerChildren(fromId: number, toId: number): Promise<number>;

  workspace(): Promise<Workspace>;
  findCustomersByKey(nameKey: string): Promise<Customer[]>;
  listCustomerNames(): Promise<CustomerName[]>;
  listCustomers(filter: { tag?: string; stage?: string; limit: number }): Promise<Customer[]>;
  countCustomers(): Promise<number>;
  findContactsByKey(nameKey: string, customerId?: number): Promise<ContactWithCustomer[]>;
  listContactNames(customerId?: number): Promise<ContactWithCustomer[]>;
  tagsOf(customerId: number): Promise<{ id: number; tag: string }[]>;
  customerFacts(customerId: number, recent: number): Promise<CustomerFacts>;
  listOpenFollowUps(filter: { customerId?: number; dueBefore?: Date; limit: number }): Promise<(FollowUp & { customerName: string | null })[]>;
  listOpenDeals(customerId?: number): Promise<(Deal & { customerName: string })[]>;
  listOpenTickets(customerId: number): Promise<Ticket[]>;
  findIdentity(platform: string, platformUserId: string): Promise<ChatIdentity | null>;
  listUnreadCustomerMessages(limit: number): Promise<(CustomerMessage & { contactName: string | null })[]>;
  markCustomerMessagesRead(ids: number[], at: Date): Promise<void>;
  addCustomerMessage(data: Omit<CustomerMessage, 'id' | 'readAt'>): Promise<void>;

  /** The actor's most recent change that has not been undone (undos themselves excluded). */
  lastUndoableChange(actor: string): Promise<UndoableChange | null>;
  /** Marks a change set as undone. */
  markUndone(changeSetId: number, at: Date): Promise<void>;
  /** Applies a raw record state without auditing, for undo (null row = delete). */
  restore(entity: EntityName, id: number, row: Record<string, unknown> | null): Promise<void>;

  /** The change set this transaction's writes belong to so far; null before its first audited write. */
  changeSetId(): number | null;

  /** Removes a contact's personal data everywhere (record, chat links, comments, audit history); not undoable. */
  erasePersonalData(contactId: number, at: Date): Promise<void>;
  /** Contacts of a customer the bot can write to, with their platform and chat. */
  reachableContacts(customerId: number): Promise<{ contactId: number; contactName: string; platform: string; chatId: string | null }[]>;
  /** An invite code that is still valid at `at`. */
  findValidInvite(code: string, at: Date): Promise<{ id: number; contactId: number } | null>;
  /** The operator's chat identity, created on first contact, so proactive messages know where to go. */
  rememberOperator(platform: string, platformUserId: string, chatId: string, displayName: string | undefined): Promise<void>;
  /** Surveys sent to a contact, newest first. */
  latestSurvey(contactId: number): Promise<{ id: number; customerId: number; status: string } | null>;

  /** All the data the analytics reports need, read in a few bulk queries. */
  analyticsSnapshot(): Promise<AnalyticsSnapshot>;
  /**
   * Queues an outgoing message in this transaction; its id, or null when its key was already
   * queued. With `leaseUntil` it is queued already claimed by the caller, who sends it at once.
   */
  enqueueOutgoing(message: OutgoingMessage, at: Date, leaseUntil?: Date): Promise<number | null>;

  conversation(key: ConversationKey): Promise<ConversationRecord>;
  saveConversation(key: ConversationKey, state: ConversationRecord): Promise<void>;
  /** Records a platform event id; false when it was already recorded (a re-delivery). */
  markEventProcessed(platform: string, eventId: string, at: Date): Promise<boolean>;
}

/** Options of one transaction. */
export interface TxOptions {
  /** Who acts, as "<platform>:<user id>"; names the change set. */
  actor: string;
}

/** The outcome of a transaction body: its result and, if it wrote, the confirmation line. */
export interface TxResult<T> {
  value: T;
  /** One line saying exactly what was stored; becomes the change set's summary. */
  summary?: string;
  /** 'undo' marks a change set that reverts another (and is not itself undone). */
  kind?: 'change' | 'undo';
}

/** The engine's view of the database: one transaction per command. */
export interface Store {
  /** Runs `body` in one database transaction; audited writes and the change set commit together. */
  transaction<T>(options: TxOptions, body: (tx: StoreTx) => Promise<TxResult<T>>): Promise<T>;
  close(): Promise<void>;
}
