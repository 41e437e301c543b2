import type { EngineDeps } from '../core/engine/types.ts';
import type { StoreTx } from '../core/store.ts';
import { detractorReply } from './messages.ts';
import { operatorChats } from './targets.ts';
import type { KnownOperatorChat, OperatorAccount } from './types.ts';

/** Scores up to this one are detractors (NPS: 0-6). */
export const DETRACTOR_MAX_SCORE = 6;

/** The engine's survey-answer hook. */
export type SurveyAnswerHook = NonNullable<EngineDeps['onSurveyAnswer']>;

async function knownChats(tx: StoreTx, accounts: OperatorAccount[]): Promise<KnownOperatorChat[]> {
  const found: KnownOperatorChat[] = [];
  for (const a of accounts) {
    const identity = await tx.findIdentity(a.platform, a.userId);
    if (identity?.operatorId && identity.chatId) found.push({ ...a, chatId: identity.chatId });
  }
  return found;
}

/**
 * Builds the hook the engine calls in a survey answer's transaction (EngineDeps.onSurveyAnswer):
 * a detractor's answer queues an alert to the operators at once, with the comment, in that same
 * transaction, so the alert exists exactly when the answer does.
 */
export function createSurveyAnswerHook(deps: { operators: OperatorAccount[]; platforms: Iterable<string> }): SurveyAnswerHook {
  const platforms = new Set(deps.platforms);
  return async (tx, answer) => {
    if (answer.score > DETRACTOR_MAX_SCORE) return;
    const chats = await operatorChats({ operators: deps.operators, platforms, find: (a) => knownChats(tx, a) });
    if (chats.length === 0) return;
    const contact = await tx.get('Contact', answer.contactId);
    const customer = await tx.get('Customer', answer.customerId);
    const reply = detractorReply({ contactName: contact?.name ?? 'A contact', customerName: customer?.name ?? 'a customer', score: answer.score, comment: answer.comment });
    for (const c of chats) {
      await tx.enqueueOutgoing({
        key: `detractor:${answer.contactId}:${answer.now.toISOString()}:${c.who}`, platform: c.platform, chatId: c.chatId, kind: 'alert', reply, notBefore: answer.now,
      }, answer.now);
    }
  };
}
