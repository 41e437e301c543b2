import type { Clock } from '../clock.ts';
import type { Command } from '../command.ts';
import type { Workspace } from '../domain.ts';
import type { InboundMessage } from '../message.ts';
import type { Parser } from '../parser.ts';
import type { Reply } from '../reply.ts';
import type { ConversationRecord, StoreTx } from '../store.ts';
import type { Analytics } from './analytics-port.ts';

/** Records a question's answer has already pinned down, carried across turns. */
export interface Resolved {
  customerId?: number;
  contactId?: number;
  /** Target of a merge. */
  intoCustomerId?: number;
  followUpId?: number;
  dealId?: number;
  ticketId?: number;
  /** The operator confirmed a step that needs it (a near-duplicate name, a merge, an erasure). */
  confirmed?: boolean;
}

/** One option of a question: what picking it changes. */
export interface QuestionOption {
  label: string;
  /** Merged into the pending Resolved; `cancel` drops the question. */
  resolved?: Resolved;
  cancel?: boolean;
}

/** A question the engine asks before it can act. */
export interface Question {
  text: string;
  options: QuestionOption[];
  /** When set, a typed answer fills this slot of the pending command. */
  freeText?: 'customer' | 'contact' | 'note' | 'dueAt' | 'amount';
}

/** What a use case produced. */
export type Outcome =
  | { reply: Reply; extra?: Reply[]; /** Confirmation line of a write, stored as the change summary. */ summary?: string }
  | { question: Question };

/** What the engine is built from; everything is an interface. */
export interface EngineDeps {
  store: import('../store.ts').Store;
  parse: Parser;
  clock: Clock;
  /** Operator user ids per platform; the console is always the operator. */
  operatorIds: Record<string, ReadonlySet<string>>;
  /** Sentiment of a note, -1..1 or so; absent means not computed. */
  sentiment?: (text: string) => number;
  analytics?: Analytics;
  /** Builds a link that binds whoever opens it to a contact (Telegram deep links). */
  inviteLink?: (code: string) => string;
  /** Source of randomness (invite codes); injected for deterministic tests. */
  random?: () => number;
  log?: Logger;
  /** Called in the answer's transaction (the scheduler alerts the operator about detractors). */
  onSurveyAnswer?: (tx: StoreTx, answer: { customerId: number; contactId: number; score: number; comment: string | null; now: Date }) => Promise<void>;
}

/** Where the core reports problems; never given tokens or personal data. */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** Everything a use case may touch while it runs (inside one transaction). */
export interface ExecContext {
  tx: StoreTx;
  now: Date;
  workspace: Workspace;
  /** "<platform>:<user id>", the audit actor. */
  actor: string;
  message: InboundMessage;
  /** Mutable conversation references ("that", "it"). */
  conv: ConversationRecord;
  resolved: Resolved;
  deps: EngineDeps;
}

/** A use case: one Command variant executed against the store. */
export type UseCase<C extends Command = Command> = (cmd: C, ctx: ExecContext) => Promise<Outcome>;
