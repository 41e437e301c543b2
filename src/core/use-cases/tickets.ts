import type { CommandOf } from '../command.ts';
import { resolveCustomer } from '../engine/resolve.ts';
import type { UseCase } from '../engine/types.ts';
import { confirmed, refuse } from './customers.ts';

const MAX_SUBJECT_LENGTH = 500;

export const openTicket: UseCase<CommandOf<'open_ticket'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
  if (!found.ok) return found.outcome;
  const customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  const subject = cmd.note?.trim();
  if (!subject) return { question: { text: `What is ${customer.name}'s problem?`, options: [{ label: 'Cancel', cancel: true }], freeText: 'note' } };
  if (subject.length > MAX_SUBJECT_LENGTH) return refuse(`A ticket subject can be at most ${MAX_SUBJECT_LENGTH} characters.`);
  const t = await ctx.tx.create('Ticket', { customerId: customer.id, subject, status: 'open', openedAt: ctx.now });
  return confirmed(`Opened ticket #${t.id} for ${customer.name}: “${subject}”.`);
};

export const closeTicket: UseCase<CommandOf<'close_ticket'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
  if (!found.ok) return found.outcome;
  const customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  let open = await ctx.tx.listOpenTickets(customer.id);
  const pinned = ctx.resolved.ticketId ?? cmd.ticketId;
  if (pinned) open = open.filter((t) => t.id === pinned);
  else if (cmd.note) {
    const words = cmd.note.toLowerCase();
    const matching = open.filter((t) => t.subject.toLowerCase().includes(words));
    if (matching.length > 0) open = matching;
  }
  if (open.length === 0) return refuse(`${customer.name} has no open ticket${cmd.note ? ` about “${cmd.note}”` : ''}.`);
  if (open.length > 1) {
    return { question: { text: 'Which ticket?', options: [...open.slice(0, 5).map((t) => ({ label: `#${t.id} ${t.subject}`, resolved: { ticketId: t.id } })), { label: 'Cancel', cancel: true }] } };
  }
  const t = open[0]!;
  await ctx.tx.update('Ticket', t.id, { status: 'closed', closedAt: ctx.now });
  return confirmed(`Closed ticket #${t.id} for ${customer.name}: “${t.subject}”.`);
};
