import type { CommandOf } from '../command.ts';
import { contactAt, resolveContact, resolveCustomer, type Resolution } from '../engine/resolve.ts';
import type { Contact } from '../domain.ts';
import { personAt } from '../names.ts';
import type { ExecContext } from '../engine/types.ts';
import type { UseCase } from '../engine/types.ts';
import { formatDay, formatWhen } from '../time.ts';
import { confirmed, refuse } from './customers.ts';

/** Stored words are capped so one message cannot bloat the database. */
export const MAX_NOTE_LENGTH = 10_000;
/** A logged time this far ahead is a mistake, not clock drift. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const logInteraction: UseCase<CommandOf<'log_interaction'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.customer ? undefined : cmd.contact);
  if (!found.ok) return found.outcome;
  const customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  const occurredAt = cmd.occurredAt ?? ctx.now;
  if (occurredAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
    return refuse('That time is in the future; log interactions that happened, and use “remind me …” for what is coming.');
  }
  if (cmd.dueAt && cmd.dueAt.getTime() <= ctx.now.getTime()) {
    return refuse(`The follow-up time (${formatWhen(cmd.dueAt, ctx.workspace.timeZone, ctx.now)}) is in the past; nothing was logged.`);
  }
  const text = (cmd.words ?? ctx.message.text).trim();
  if (!text) return refuse('What happened? Say e.g. “log call with Acme: discussed pricing”.');
  if (text.length > MAX_NOTE_LENGTH) return refuse(`That note is too long (over ${MAX_NOTE_LENGTH} characters).`);
  // With a customer named, a new contact is created; with only a contact named, it must exist.
  const contact = cmd.customer ? await contactAt(ctx, customer, cmd.contact) : await existingContact(ctx, cmd.contact, customer.id);
  if (!contact.ok) return contact.outcome;
  const person = contact.value.contact;
  const kind = cmd.kind ?? 'note';
  const interaction = await ctx.tx.create('Interaction', {
    customerId: customer.id,
    contactId: person?.id ?? null,
    operatorId: null,
    kind,
    occurredAt,
    text,
    sentiment: ctx.deps.sentiment ? ctx.deps.sentiment(cmd.note ?? text) : null,
  });
  const tz = ctx.workspace.timeZone;
  const who = person ? personAt(`${person.name}${contact.value.created ? ' (new contact)' : ''}`, customer.name) : customer.name;
  const when = cmd.occurredAt ? ` on ${formatDay(occurredAt, tz, ctx.now)}` : '';
  let line = `Logged ${kind} with ${who}${when}: “${cmd.note ?? text}”.`;
  if (cmd.dueAt) {
    const f = await ctx.tx.create('FollowUp', {
      title: `Follow up with ${person ? personAt(person.name, customer.name) : customer.name}`,
      dueAt: cmd.dueAt, status: 'open', snoozeCount: 0, customerId: customer.id, contactId: person?.id ?? null, interactionId: interaction.id,
    });
    ctx.conv.lastFollowUpId = f.id;
    line += ` Follow-up set for ${formatWhen(cmd.dueAt, tz, ctx.now)}.`;
  }
  return confirmed(line);
};

async function existingContact(ctx: ExecContext, name: string | undefined, customerId: number): Promise<Resolution<{ contact: Contact | null; created: boolean }>> {
  if (!name) return { ok: true, value: { contact: null, created: false } };
  const found = await resolveContact(ctx, name, customerId);
  return found.ok ? { ok: true, value: { contact: found.value, created: false } } : found;
}
