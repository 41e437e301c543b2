import type { InboundMessage } from '../message.ts';
import { reply, type Reply } from '../reply.ts';
import type { StoreTx } from '../store.ts';
import type { EngineDeps } from './types.ts';

const INVITE = /^\/start\s+([A-Za-z0-9_-]{8,64})\s*$/;
const THANKS = 'Thank you for your answer! It really helps.';
const FIXED_ANSWER = reply('info', "Thanks for your message! I'm an automated assistant and can only take survey answers here; I've passed your message on to the team.");
const NO_SURVEY_YET = reply('info', "Thanks! There's no survey open for you right now; I've passed your message on to the team.");

/**
 * A message from someone who is not an operator: an invite link being opened, a survey answer
 * from a linked contact, or anything else (kept for the operator, answered politely, never run).
 */
export async function handleCustomerMessage(tx: StoreTx, msg: InboundMessage, now: Date, deps: EngineDeps, strangerReply: Reply): Promise<Reply[]> {
  const invite = INVITE.exec(msg.text.trim());
  const identity = await tx.findIdentity(msg.platform, msg.userId);
  if (invite) {
    const code = await tx.findValidInvite(invite[1]!, now);
    if (!code) return [reply('error', 'This invite link is not valid any more. Please ask for a new one.')];
    if (identity?.operatorId) return [reply('error', 'Operators cannot use customer invite links.')];
    if (identity) await tx.update('ChatIdentity', identity.id, { contactId: code.contactId, chatId: msg.chatId });
    else await tx.create('ChatIdentity', { platform: msg.platform, platformUserId: msg.userId, chatId: msg.chatId, displayName: msg.userName ?? null, contactId: code.contactId });
    await tx.update('InviteCode', code.id, { usedAt: now });
    return [reply('ok', "You're connected. From time to time I'll ask how things are going; you can answer right here.")];
  }
  if (!identity?.contactId) return [strangerReply];
  if (!identity.chatId) await tx.update('ChatIdentity', identity.id, { chatId: msg.chatId });
  const workspace = await tx.workspace();
  const cmd = deps.parse(msg.text, { now, timeZone: workspace.timeZone, as: 'customer' });
  if (cmd.intent !== 'nps_reply' || cmd.score === undefined) {
    await tx.addCustomerMessage({ contactId: identity.contactId, platform: msg.platform, chatId: msg.chatId, text: msg.text, receivedAt: now });
    return [FIXED_ANSWER];
  }
  const survey = await tx.latestSurvey(identity.contactId);
  const contact = await tx.get('Contact', identity.contactId);
  if (!contact) return [strangerReply];
  if (!survey) {
    await tx.addCustomerMessage({ contactId: identity.contactId, platform: msg.platform, chatId: msg.chatId, text: msg.text, receivedAt: now });
    return [NO_SURVEY_YET];
  }
  const comment = cmd.note?.trim() || null;
  await tx.create('SurveyResponse', {
    surveyId: survey.id, customerId: survey.customerId, contactId: contact.id, score: cmd.score, comment,
    sentiment: comment && deps.sentiment ? deps.sentiment(comment) : null, platform: msg.platform, receivedAt: now,
  });
  if (survey.status !== 'answered') await tx.update('Survey', survey.id, { status: 'answered', answeredAt: now });
  await deps.onSurveyAnswer?.(tx, { customerId: survey.customerId, contactId: contact.id, score: cmd.score, comment, now });
  return [reply('ok', THANKS)];
}
