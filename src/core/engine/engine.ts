import type { Command } from '../command.ts';
import type { ClaimedMessage } from '../outbox.ts';
import type { InboundMessage } from '../message.ts';
import { reply, type Reply } from '../reply.ts';
import type { ConversationKey, ConversationRecord, StoreTx } from '../store.ts';
import { decodePending, encodePending, matchAnswer, questionReply, type Pending } from './conversation.ts';
import { handleCustomerMessage } from './customer-side.ts';
import { execute } from './dispatch.ts';
import { UNDO_ACTION } from '../use-cases/customers.ts';
import type { EngineDeps, ExecContext, Resolved } from './types.ts';

/** Longest message handled; longer ones get a one-line answer and are not parsed. */
export const MAX_MESSAGE_CHARS = 10_000;

/** How replies leave the engine. */
export interface HandleOptions {
  /** Queue the replies in the outbox in the same transaction as the command (platform channels). */
  viaOutbox?: boolean;
  /**
   * With viaOutbox: queue the replies already claimed for `leaseMs` and hand them to `send` once the
   * command is committed, so they go out at once instead of waiting for an outbox sweep.
   */
  sendNow?: { leaseMs: number; send(messages: ClaimedMessage[]): void };
}

/** What every channel talks to. */
export interface Engine {
  /** Handles one inbound message; returns the replies (none for a re-delivered event). */
  handle(message: InboundMessage, options?: HandleOptions): Promise<Reply[]>;
}

const STRANGER_REPLY = reply('refused', 'Sorry, I only work for the owner of this workspace.');
const FAILURE_REPLY = reply('error', 'Something went wrong on my side and nothing was changed. Please try again.');
/** Buttons that act directly: "do:<intent>[:<id>]". */
const ACTION = /^do:(complete_followup|snooze_followup|undo)(?::(\d+))?$/;

function actionCommand(value: string | undefined): Command | null {
  const m = value ? ACTION.exec(value) : null;
  if (!m) return null;
  const id = m[2] ? Number(m[2]) : undefined;
  if (m[1] === 'undo') return { intent: 'undo', changeSetId: id };
  return m[1] === 'complete_followup' ? { intent: 'complete_followup', followUpId: id } : { intent: 'snooze_followup', followUpId: id };
}

/** An Undo button names the change it was shown under, so pressing it later never undoes another one. */
function bindUndo(replies: Reply[], changeSetId: number | null): Reply[] {
  if (changeSetId === null) return replies;
  return replies.map((r) => (r.choices?.some((c) => c.value === UNDO_ACTION)
    ? { ...r, choices: r.choices.map((c) => (c.value === UNDO_ACTION ? { ...c, value: `${UNDO_ACTION}:${changeSetId}` } : c)) }
    : r));
}

/** Builds the engine: the one place that turns messages into commands, runs them, and answers. */
export function createEngine(deps: EngineDeps): Engine {
  // "that"/"them" references change on almost every message; they live here and reach the
  // database only with a pending question (which must survive a restart), saving a statement.
  const references = new Map<string, Pick<ConversationRecord, 'lastCustomerId' | 'lastFollowUpId'>>();
  const isOperator = (m: InboundMessage) => m.platform === 'console' || (deps.operatorIds[m.platform]?.has(m.userId) ?? false);

  async function operatorTurn(tx: StoreTx, msg: InboundMessage, now: Date) {
    const key: ConversationKey = { platform: msg.platform, chatId: msg.chatId, userId: msg.userId };
    const refKey = `${key.platform}\u0000${key.chatId}\u0000${key.userId}`;
    const saved = await tx.conversation(key);
    const conv: ConversationRecord = { ...saved, ...references.get(refKey) };
    const workspace = await tx.workspace();
    const parseCtx = { now, timeZone: workspace.timeZone, as: 'operator' as const, locale: workspace.locale };
    const pending = decodePending(conv.pending);
    let command: Command | null = actionCommand(msg.button?.value);
    let resolved: Resolved = {};
    let early: Reply | null = null;

    if (!command && pending) {
      const answer = matchAnswer(pending.question, msg.text, msg.button?.value);
      if (answer.kind === 'cancel') {
        conv.pending = null;
        early = reply('ok', 'Cancelled; nothing was changed.');
      } else if (answer.kind === 'option') {
        command = pending.command;
        resolved = { ...pending.resolved, ...answer.option.resolved };
      } else if (answer.kind === 'text') {
        const filled = fillSlot(pending, answer.text, (t) => deps.parse(t, parseCtx));
        if (filled) {
          command = filled;
          resolved = pending.resolved;
        }
      } else if (msg.button) {
        early = reply('error', 'That button belongs to an older question.');
      }
    }
    if (!command && !early) {
      command = msg.button ? null : deps.parse(msg.text, parseCtx);
      if (!command) early = reply('error', 'That button has expired.');
    }

    let replies: Reply[];
    let summary: string | undefined;
    if (early) {
      replies = [early];
    } else {
      const ctx: ExecContext = { tx, now, workspace, actor: `${msg.platform}:${msg.userId}`, message: msg, conv, resolved, deps };
      const outcome = await execute(command!, ctx);
      if ('question' in outcome) {
        conv.pending = encodePending({ command: command!, resolved, question: outcome.question });
        replies = [questionReply(outcome.question)];
      } else {
        conv.pending = null;
        replies = bindUndo([outcome.reply, ...(outcome.extra ?? [])], tx.changeSetId());
        summary = outcome.summary;
      }
    }
    references.set(refKey, { lastCustomerId: conv.lastCustomerId, lastFollowUpId: conv.lastFollowUpId });
    if (conv.pending !== saved.pending) await tx.saveConversation(key, conv);
    if (msg.platform !== 'console' && msg.direct) await tx.rememberOperator(msg.platform, msg.userId, msg.chatId, msg.userName);
    return { value: replies, summary, kind: command?.intent === 'undo' ? ('undo' as const) : ('change' as const) };
  }

  async function handle(msg: InboundMessage, options: HandleOptions): Promise<Reply[]> {
    if (msg.text.length > MAX_MESSAGE_CHARS) {
      return [isOperator(msg) ? reply('error', `That message is too long (over ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters); nothing was stored.`) : STRANGER_REPLY];
    }
    const now = deps.clock.now();
    const leaseUntil = options.sendNow && new Date(now.getTime() + options.sendNow.leaseMs);
    const claimed: ClaimedMessage[] = [];
    const replies = await deps.store.transaction({ actor: `${msg.platform}:${msg.userId}` }, async (tx) => {
      if (msg.eventId && !(await tx.markEventProcessed(msg.platform, msg.eventId, now))) return { value: [] };
      const result = isOperator(msg) ? await operatorTurn(tx, msg, now) : { value: await handleCustomerMessage(tx, msg, now, deps, STRANGER_REPLY) };
      if (options.viaOutbox) {
        const base = `${msg.platform}:${msg.eventId ?? `${msg.chatId}:${now.getTime()}:${Math.floor((deps.random ?? Math.random)() * 1e9)}`}`;
        for (const [i, r] of result.value.entries()) {
          const message = { key: `${base}:reply:${i}`, platform: msg.platform, chatId: msg.chatId, threadId: msg.threadId, kind: 'reply' as const, reply: r, notBefore: now };
          const id = await tx.enqueueOutgoing(message, now, leaseUntil);
          if (id !== null && leaseUntil) claimed.push({ ...message, id, attempts: 1 });
        }
      }
      return result;
    });
    if (claimed.length > 0) options.sendNow!.send(claimed);
    return replies;
  }

  async function queueFailureReply(msg: InboundMessage): Promise<void> {
    const now = deps.clock.now();
    await deps.store.transaction({ actor: `${msg.platform}:${msg.userId}` }, async (tx) => {
      const key = `${msg.platform}:${msg.eventId ?? `${msg.chatId}:${now.getTime()}`}:failure`;
      await tx.enqueueOutgoing({ key, platform: msg.platform, chatId: msg.chatId, threadId: msg.threadId, kind: 'reply', reply: FAILURE_REPLY, notBefore: now }, now);
      return { value: undefined };
    });
  }

  return {
    async handle(msg, options = {}) {
      try {
        return await handle(msg, options);
      } catch (error) {
        deps.log?.error('message handling failed', { platform: msg.platform, error: error instanceof Error ? error.message : String(error) });
        // The command's transaction, and the replies queued in it, rolled back: queue the apology alone.
        if (options.viaOutbox) await queueFailureReply(msg).catch(() => undefined);
        return [FAILURE_REPLY];
      }
    },
  };
}

/** Fills the slot a free-text question asked for; null when the text does not fit it. */
function fillSlot(pending: Pending, text: string, parse: (t: string) => Command): Command | null {
  const slot = pending.question.freeText;
  const cmd = { ...pending.command } as Record<string, unknown>;
  if (slot === 'dueAt') {
    const when = parse(`remind me ${text}`);
    if (!('dueAt' in when) || !when.dueAt) return null;
    cmd.dueAt = when.dueAt;
  } else if (slot) {
    cmd[slot] = text;
  }
  return cmd as Command;
}
