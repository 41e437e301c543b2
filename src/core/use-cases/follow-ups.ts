import type { CommandOf } from '../command.ts';
import type { FollowUp } from '../domain.ts';
import { resolveCustomer, usesPronoun } from '../engine/resolve.ts';
import type { ExecContext, Outcome, UseCase } from '../engine/types.ts';
import { nameSimilarity } from '../names.ts';
import { reply } from '../reply.ts';
import { addDays, formatWhen } from '../time.ts';
import { addDays as addLocalDays, localTimeOf, zonedToUtc } from '../zone.ts';
import { confirmed, refuse } from './customers.ts';

const LIST_LIMIT = 30;
const WINDOW_DAYS = 7;
const MAX_TITLE_LENGTH = 500;

/** Buttons shown on a reminder. */
export function followUpButtons(id: number) {
  return [
    { label: 'Done', value: `do:complete_followup:${id}` },
    { label: 'Snooze 1 day', value: `do:snooze_followup:${id}` },
  ];
}

export const createFollowUp: UseCase<CommandOf<'create_followup'>> = async (cmd, ctx) => {
  if (!cmd.dueAt) return { question: { text: 'When should I remind you?', options: [{ label: 'Cancel', cancel: true }], freeText: 'dueAt' } };
  if (cmd.dueAt.getTime() <= ctx.now.getTime()) {
    return refuse(`That time (${formatWhen(cmd.dueAt, ctx.workspace.timeZone, ctx.now)}) is in the past. When should I remind you?`);
  }
  let customer = null;
  if (cmd.customer || cmd.contact || (ctx.conv.lastCustomerId && usesPronoun(ctx.message.text))) {
    const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
    if (!found.ok) return found.outcome;
    customer = found.value;
    ctx.conv.lastCustomerId = customer.id;
  }
  const task = (cmd.note?.trim() || (customer ? `Follow up with ${customer.name}` : 'Follow up')).slice(0, MAX_TITLE_LENGTH);
  const f = await ctx.tx.create('FollowUp', { title: task, dueAt: cmd.dueAt, status: 'open', snoozeCount: 0, customerId: customer?.id ?? null });
  ctx.conv.lastFollowUpId = f.id;
  return confirmed(`Reminder set: “${task}”${customer && !task.includes(customer.name) ? ` (${customer.name})` : ''}, ${formatWhen(cmd.dueAt, ctx.workspace.timeZone, ctx.now)}.`);
};

export const listFollowUps: UseCase<CommandOf<'list_followups'>> = async (cmd, ctx) => {
  let customerId: number | undefined;
  if (cmd.customer) {
    const found = await resolveCustomer(ctx, cmd.customer);
    if (!found.ok) return found.outcome;
    customerId = found.value.id;
  }
  const until = cmd.dueAt ?? addDays(ctx.now, WINDOW_DAYS);
  const rows = await ctx.tx.listOpenFollowUps({ customerId, dueBefore: until, limit: LIST_LIMIT });
  if (rows.length === 0) return { reply: reply('info', 'Nothing due in the coming week.') };
  const tz = ctx.workspace.timeZone;
  const overdue = rows.filter((r) => r.dueAt < ctx.now).length;
  const items = rows.map((r) => `${r.dueAt < ctx.now ? 'OVERDUE ' : ''}${formatWhen(r.dueAt, tz, ctx.now)}: ${r.title}${r.customerName && !r.title.includes(r.customerName) ? ` (${r.customerName})` : ''}`);
  const text = `${rows.length} follow-up${rows.length === 1 ? '' : 's'} due${overdue ? `, ${overdue} overdue` : ''}:`;
  if (rows.length === 1) ctx.conv.lastFollowUpId = rows[0]!.id;
  return { reply: reply('info', text, { items, ...(rows.length === 1 ? { choices: followUpButtons(rows[0]!.id) } : {}) }) };
};

/** Finds the follow-up a command means: by id (a button), "that", or the customer and words. */
async function findFollowUp(cmd: { customer?: string; note?: string; followUpId?: number }, ctx: ExecContext): Promise<{ ok: true; value: FollowUp } | { ok: false; outcome: Outcome }> {
  const id = ctx.resolved.followUpId ?? cmd.followUpId;
  if (id) {
    const f = await ctx.tx.get('FollowUp', id);
    return f ? { ok: true, value: f } : { ok: false, outcome: refuse('That follow-up no longer exists.') };
  }
  let customerId: number | undefined;
  if (cmd.customer) {
    const found = await resolveCustomer(ctx, cmd.customer);
    if (!found.ok) return found;
    customerId = found.value.id;
  } else if (ctx.conv.lastFollowUpId && (usesPronoun(ctx.message.text) || !cmd.note)) {
    const f = await ctx.tx.get('FollowUp', ctx.conv.lastFollowUpId);
    if (f && f.status === 'open') return { ok: true, value: f };
  }
  let open: FollowUp[] = await ctx.tx.listOpenFollowUps({ customerId, limit: 200 });
  if (cmd.note) {
    const words = cmd.note.toLowerCase();
    const matching = open.filter((f) => f.title.toLowerCase().includes(words) || nameSimilarity(f.title, cmd.note!) > 0.85);
    if (matching.length > 0) open = matching;
  }
  if (open.length === 1) return { ok: true, value: open[0]! };
  if (open.length === 0) return { ok: false, outcome: refuse("No open follow-up matches that. Say “what's due?” to see them.") };
  const tz = ctx.workspace.timeZone;
  return {
    ok: false,
    outcome: {
      question: {
        text: 'Which follow-up?',
        options: [...open.slice(0, 5).map((f) => ({ label: `${f.title} (${formatWhen(f.dueAt, tz, ctx.now)})`, resolved: { followUpId: f.id } })), { label: 'Cancel', cancel: true }],
      },
    },
  };
}

export const completeFollowUp: UseCase<CommandOf<'complete_followup'>> = async (cmd, ctx) => {
  const found = await findFollowUp(cmd, ctx);
  if (!found.ok) return found.outcome;
  const f = found.value;
  if (f.status !== 'open') return refuse(`“${f.title}” is already ${f.status}.`);
  await ctx.tx.update('FollowUp', f.id, { status: 'done', completedAt: ctx.now });
  ctx.conv.lastFollowUpId = f.id;
  return confirmed(`Done: “${f.title}”.`);
};

export const snoozeFollowUp: UseCase<CommandOf<'snooze_followup'>> = async (cmd, ctx) => {
  const found = await findFollowUp(cmd, ctx);
  if (!found.ok) return found.outcome;
  const f = found.value;
  if (f.status !== 'open') return refuse(`“${f.title}” is already ${f.status}.`);
  const until = cmd.dueAt ?? sameTimeNextDay(f.dueAt > ctx.now ? f.dueAt : ctx.now, ctx.workspace.timeZone);
  if (until.getTime() <= ctx.now.getTime()) return refuse('Snooze to a time in the future, e.g. “snooze that until Monday”.');
  await ctx.tx.update('FollowUp', f.id, { dueAt: until, snoozeCount: f.snoozeCount + 1 });
  ctx.conv.lastFollowUpId = f.id;
  return confirmed(`Snoozed “${f.title}” until ${formatWhen(until, ctx.workspace.timeZone, ctx.now)}.`);
};

/** The same wall-clock time on the next calendar day: a DST change does not move it by an hour. */
function sameTimeNextDay(at: Date, timeZone: string): Date {
  const local = localTimeOf(at, timeZone);
  return zonedToUtc(addLocalDays(local, 1), local.hour, local.minute, timeZone);
}
