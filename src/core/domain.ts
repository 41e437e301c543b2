/** Domain records as the core sees them (storage maps database rows onto these). */

export interface Workspace {
  id: number;
  businessName: string;
  timeZone: string;
  currency: string;
  locale: string;
  quietHoursStartMin: number;
  quietHoursEndMin: number;
  surveyFirstAfterDays: number;
  surveyEveryDays: number;
  surveyMinGapDays: number;
  surveyDailyCap: number;
  surveysPaused: boolean;
  churnAlertThreshold: number;
}

export interface Customer {
  id: number;
  name: string;
  nameKey: string;
  kind: string;
  stage: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  timeZone: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CustomerTag {
  id: number;
  customerId: number;
  tag: string;
}

export interface Contact {
  id: number;
  customerId: number;
  name: string;
  nameKey: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  timeZone: string | null;
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Interaction {
  id: number;
  customerId: number;
  contactId: number | null;
  operatorId: number | null;
  kind: string;
  occurredAt: Date;
  text: string;
  sentiment: number | null;
  createdAt: Date;
}

export interface FollowUp {
  id: number;
  title: string;
  dueAt: Date;
  status: string;
  snoozeCount: number;
  customerId: number | null;
  contactId: number | null;
  interactionId: number | null;
  operatorId: number | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Purchase {
  id: number;
  customerId: number;
  /** Integer count of the currency's minor units. */
  amountMinor: number;
  currency: string;
  occurredAt: Date;
  description: string | null;
  createdAt: Date;
}

export interface Deal {
  id: number;
  customerId: number;
  title: string;
  amountMinor: number | null;
  currency: string;
  stage: string;
  probability: number;
  expectedCloseAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Ticket {
  id: number;
  customerId: number;
  contactId: number | null;
  subject: string;
  status: string;
  openedAt: Date;
  closedAt: Date | null;
}

export interface Survey {
  id: number;
  customerId: number;
  contactId: number;
  platform: string;
  status: string;
  sentAt: Date | null;
  remindedAt: Date | null;
  answeredAt: Date | null;
  createdAt: Date;
}

export interface SurveyResponse {
  id: number;
  surveyId: number | null;
  customerId: number;
  contactId: number | null;
  score: number;
  comment: string | null;
  sentiment: number | null;
  platform: string;
  receivedAt: Date;
}

export interface ChatIdentity {
  id: number;
  platform: string;
  platformUserId: string;
  chatId: string | null;
  displayName: string | null;
  operatorId: number | null;
  contactId: number | null;
  createdAt: Date;
}

export interface InviteCode {
  id: number;
  code: string;
  contactId: number;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface CustomerMessage {
  id: number;
  contactId: number | null;
  platform: string;
  chatId: string;
  text: string;
  receivedAt: Date;
  readAt: Date | null;
}

/** The records the audit log tracks, by entity name: what undo can revert. */
export interface AuditedEntities {
  Workspace: Workspace;
  Customer: Customer;
  CustomerTag: CustomerTag;
  Contact: Contact;
  Interaction: Interaction;
  FollowUp: FollowUp;
  Purchase: Purchase;
  Deal: Deal;
  Ticket: Ticket;
  Survey: Survey;
  SurveyResponse: SurveyResponse;
  ChatIdentity: ChatIdentity;
  InviteCode: InviteCode;
}

export type EntityName = keyof AuditedEntities;

/** Records that belong to a customer: a merge moves them all to the customer kept. */
export const CUSTOMER_CHILDREN = ['Contact', 'Interaction', 'FollowUp', 'Purchase', 'Deal', 'Ticket', 'Survey', 'SurveyResponse'] as const satisfies readonly EntityName[];

type NullableKeys<T> = { [K in keyof T]: null extends T[K] ? K : never }[keyof T];

/** Fields to create a record: generated fields left out, nullable ones optional. */
export type CreateData<E extends EntityName> = Omit<
  Omit<AuditedEntities[E], NullableKeys<AuditedEntities[E]>> & Partial<Pick<AuditedEntities[E], NullableKeys<AuditedEntities[E]>>>,
  'id' | 'createdAt' | 'updatedAt'
> & { id?: number };

/** Fields to change on a record. */
export type UpdateData<E extends EntityName> = Partial<Omit<AuditedEntities[E], 'id' | 'createdAt' | 'updatedAt'>>;
