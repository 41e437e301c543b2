import { LIFECYCLE_STAGES, type CommandOf } from '../command.ts';
import type { Customer } from '../domain.ts';
import { resolveContact, resolveCustomer } from '../engine/resolve.ts';
import type { ExecContext, Outcome, UseCase } from '../engine/types.ts';
import { formatTotals } from '../money.ts';
import { nameKey, rankByName } from '../names.ts';
import { reply, type Field } from '../reply.ts';
import { daysBetween, formatDay, formatWhen } from '../time.ts';

/** A new name this alike to an existing one asks before creating. */
const CLOSE_NAME = 0.85;
const MAX_NAME_LENGTH = 200;
const LIST_LIMIT = 50;
const SUMMARY_RECENT = 5;

/** The value of the Undo button every confirmation offers; the engine adds the change set's id. */
export const UNDO_ACTION = 'do:undo';
const UNDO_CHOICE = [{ label: 'Undo', value: UNDO_ACTION }];

/** A write's confirmation: the line says exactly what was stored, with an Undo button. */
export function confirmed(text: string): Outcome {
  return { reply: reply('ok', text, { choices: UNDO_CHOICE }), summary: text };
}

/** A one-line answer that changed nothing. */
export function refuse(text: string): Outcome {
  return { reply: reply('error', text) };
}

function isStage(s: string): s is (typeof LIFECYCLE_STAGES)[number] {
  return (LIFECYCLE_STAGES as readonly string[]).includes(s);
}

function contactDetails(cmd: { email?: string; phone?: string }): string {
  return [cmd.email, cmd.phone].filter(Boolean).join(', ');
}

export const addCustomer: UseCase<CommandOf<'add_customer'>> = async (cmd, ctx) => {
  // Only a person named ("new client Tanvi Desai"): the customer is that person, who is also its contact.
  const person = !cmd.customer?.trim() && cmd.contact?.trim() ? cmd.contact.trim() : undefined;
  const name = person ?? cmd.customer?.trim();
  if (!name) return { question: { text: "What's the customer's name?", options: [{ label: 'Cancel', cancel: true }], freeText: 'customer' } };
  if (name.length > MAX_NAME_LENGTH) return refuse(`A customer name can be at most ${MAX_NAME_LENGTH} characters.`);
  if (cmd.stage && !isStage(cmd.stage)) return refuse(`Stage must be one of: ${LIFECYCLE_STAGES.join(', ')}.`);
  const key = nameKey(name);
  if (!key) return refuse('A customer name needs at least one letter or digit.');
  const same = await ctx.tx.findCustomersByKey(key);
  if (same.length > 0) return refuse(`${same[0]!.name} is already a customer. Say “summary ${same[0]!.name}” to see it.`);
  if (!ctx.resolved.confirmed) {
    const close = rankByName(name, await ctx.tx.listCustomerNames(), (c) => c.name, CLOSE_NAME);
    if (close.length > 0) {
      const existing = close[0]!.item;
      return {
        question: {
          text: `${existing.name} already exists. Add “${name}” as a new customer anyway?`,
          options: [
            { label: `Add ${name}`, resolved: { confirmed: true } },
            { label: 'Cancel', cancel: true },
          ],
        },
      };
    }
  }
  const customer = await ctx.tx.create('Customer', { name, nameKey: key, kind: person ? 'person' : 'company', stage: cmd.stage ?? 'lead', ...(cmd.contact ? {} : { email: cmd.email ?? null, phone: cmd.phone ?? null }) });
  const parts = [`Added customer ${customer.name}`];
  if (person) {
    await ctx.tx.create('Contact', { customerId: customer.id, name: person, nameKey: key, email: cmd.email ?? null, phone: cmd.phone ?? null });
    const details = contactDetails(cmd);
    parts.push(`(a person${details ? `, ${details}` : ''})`);
  } else if (cmd.contact) {
    const contact = await ctx.tx.create('Contact', { customerId: customer.id, name: cmd.contact.trim(), nameKey: nameKey(cmd.contact), email: cmd.email ?? null, phone: cmd.phone ?? null });
    const details = contactDetails(cmd);
    parts.push(`with contact ${contact.name}${details ? ` (${details})` : ''}`);
  } else if (cmd.email || cmd.phone) {
    parts.push(`(${contactDetails(cmd)})`);
  }
  if (cmd.tag) {
    await ctx.tx.create('CustomerTag', { customerId: customer.id, tag: cmd.tag.toLowerCase() });
    parts.push(`tagged ${cmd.tag.toLowerCase()}`);
  }
  ctx.conv.lastCustomerId = customer.id;
  return confirmed(`${parts.join(' ')}.`);
};

export const updateCustomer: UseCase<CommandOf<'update_customer'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
  if (!found.ok) return found.outcome;
  const customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  if (cmd.stage && !isStage(cmd.stage)) return refuse(`Stage must be one of: ${LIFECYCLE_STAGES.join(', ')}.`);
  const changes: string[] = [];
  if ((cmd.email || cmd.phone) && cmd.contact) {
    const contact = await resolveContact(ctx, cmd.contact, customer.id);
    if (!contact.ok) return contact.outcome;
    await ctx.tx.update('Contact', contact.value.id, { ...(cmd.email ? { email: cmd.email } : {}), ...(cmd.phone ? { phone: cmd.phone } : {}) });
    changes.push(`${contact.value.name}'s ${[cmd.email && `email to ${cmd.email}`, cmd.phone && `phone to ${cmd.phone}`].filter(Boolean).join(' and ')}`);
  } else if (cmd.email || cmd.phone) {
    await ctx.tx.update('Customer', customer.id, { ...(cmd.email ? { email: cmd.email } : {}), ...(cmd.phone ? { phone: cmd.phone } : {}) });
    changes.push([cmd.email && `email to ${cmd.email}`, cmd.phone && `phone to ${cmd.phone}`].filter(Boolean).join(' and '));
  }
  if (cmd.stage && cmd.stage !== customer.stage) {
    await ctx.tx.update('Customer', customer.id, { stage: cmd.stage });
    changes.push(`stage to ${cmd.stage.replace('_', ' ')}`);
  }
  if (cmd.rename?.trim()) {
    const key = nameKey(cmd.rename);
    if (!key) return refuse('A customer name needs at least one letter or digit.');
    const clash = (await ctx.tx.findCustomersByKey(key)).find((c) => c.id !== customer.id);
    if (clash) return refuse(`${clash.name} already exists; merge them instead: “merge ${customer.name} into ${clash.name}”.`);
    await ctx.tx.update('Customer', customer.id, { name: cmd.rename.trim(), nameKey: key });
    changes.push(`name to ${cmd.rename.trim()}`);
  }
  if (cmd.tag) {
    const tag = cmd.tag.toLowerCase();
    const existing = (await ctx.tx.tagsOf(customer.id)).find((t) => t.tag === tag);
    if (cmd.untag && existing) {
      await ctx.tx.remove('CustomerTag', existing.id);
      changes.push(`removed tag ${tag}`);
    } else if (!cmd.untag && !existing) {
      await ctx.tx.create('CustomerTag', { customerId: customer.id, tag });
      changes.push(`tagged ${tag}`);
    }
  }
  if (changes.length === 0) return refuse(`Nothing to change on ${customer.name}. Try “${customer.name}'s phone is +1 555 0100” or “tag ${customer.name} as vip”.`);
  // A new name may end in its own dot ("Orbis Ltd.").
  return confirmed(`Updated ${customer.name}: ${changes.join('; ').replace(/\.$/, '')}.`);
};

function lastContactLine(dates: Date[], ctx: ExecContext): string {
  const last = dates[dates.length - 1];
  if (!last) return 'never';
  const days = daysBetween(last, ctx.now);
  const ago = days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  return `${formatDay(last, ctx.workspace.timeZone, ctx.now)} (${ago})`;
}

export const customerSummary: UseCase<CommandOf<'customer_summary'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
  if (!found.ok) return found.outcome;
  const customer: Customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  const facts = await ctx.tx.customerFacts(customer.id, SUMMARY_RECENT);
  const tz = ctx.workspace.timeZone;
  const fields: Field[] = [
    { label: 'Stage', value: customer.stage.replace('_', ' ') + (facts.tags.length ? ` · tags: ${facts.tags.join(', ')}` : '') },
    { label: 'Contacts', value: facts.contacts.length ? facts.contacts.map((c) => [c.name, c.email, c.phone].filter(Boolean).join(' ')).join('; ') : 'none yet' },
    { label: 'Last contact', value: `${lastContactLine(facts.interactionDates, ctx)} · ${facts.interactionCount} interaction${facts.interactionCount === 1 ? '' : 's'}` },
    { label: 'Revenue', value: facts.purchases.length ? `${formatTotals(facts.purchases)} over ${facts.purchases.length} purchase${facts.purchases.length === 1 ? '' : 's'}` : 'no purchases yet' },
  ];
  if (customer.email || customer.phone) fields.push({ label: 'Reach', value: [customer.email, customer.phone].filter(Boolean).join(' · ') });
  if (facts.openDeals.length) fields.push({ label: 'Open deals', value: facts.openDeals.map((d) => `${d.title} (${d.stage}${d.amountMinor ? `, ${formatTotals([{ amountMinor: d.amountMinor, currency: d.currency }])}` : ''})`).join('; ') });
  if (facts.openTickets.length) fields.push({ label: 'Open tickets', value: facts.openTickets.map((t) => t.subject).join('; ') });
  const next = facts.openFollowUps[0];
  if (next) fields.push({ label: 'Next follow-up', value: `${next.title}, ${formatWhen(next.dueAt, tz, ctx.now)}` });
  if (ctx.deps.analytics) fields.push(...(await ctx.deps.analytics.summaryFields(facts, ctx)));
  const items = facts.recentInteractions.map((i) => `${formatDay(i.occurredAt, tz, ctx.now)} ${i.kind}: ${i.text}`);
  const text = facts.interactionCount === 0 ? 'No interactions logged yet.' : `Latest ${items.length} of ${facts.interactionCount} interactions:`;
  return { reply: reply('info', text, { title: `${customer.name}`, fields, items }) };
};

export const listCustomers: UseCase<CommandOf<'list_customers'>> = async (cmd, ctx) => {
  const tag = cmd.tag?.toLowerCase();
  const rows = await ctx.tx.listCustomers({ tag, stage: cmd.stage, limit: LIST_LIMIT + 1 });
  const filter = [tag && `tagged ${tag}`, cmd.stage && `in stage ${cmd.stage}`].filter(Boolean).join(' ');
  if (rows.length === 0) return { reply: reply('info', filter ? `No customers ${filter}.` : 'No customers yet. Add one: “add customer Acme”.') };
  const total = rows.length > LIST_LIMIT ? await ctx.tx.countCustomers() : rows.length;
  const shown = rows.slice(0, LIST_LIMIT);
  const text = rows.length > LIST_LIMIT ? `First ${LIST_LIMIT} of ${filter ? 'the matching' : total} customers:` : `${shown.length} customer${shown.length === 1 ? '' : 's'}${filter ? ` ${filter}` : ''}:`;
  return { reply: reply('info', text, { items: shown.map((c) => `${c.name} (${c.stage.replace('_', ' ')})`) }) };
};

export const mergeCustomers: UseCase<CommandOf<'merge_customers'>> = async (cmd, ctx) => {
  const source = await resolveCustomer(ctx, cmd.customer);
  if (!source.ok) return source.outcome;
  if (!cmd.into && !ctx.resolved.intoCustomerId) return refuse('Merge into which customer? Say “merge Acme Labs into Acme Corp”.');
  const into = await resolveCustomer({ ...ctx, resolved: { customerId: ctx.resolved.intoCustomerId } }, cmd.into);
  if (!into.ok) {
    if ('question' in into.outcome) {
      // Answers to this question pick the target, not the source.
      into.outcome.question.options = into.outcome.question.options.map((o) => (o.resolved?.customerId ? { ...o, resolved: { intoCustomerId: o.resolved.customerId } } : o));
    }
    return into.outcome;
  }
  const from = source.value;
  const to = into.value;
  if (from.id === to.id) return refuse('Those are the same customer.');
  if (!ctx.resolved.confirmed) {
    return {
      question: {
        text: `Merge ${from.name} into ${to.name}? Everything of ${from.name} (contacts, interactions, follow-ups, purchases, deals, tickets, surveys) moves to ${to.name}, and ${from.name} is removed.`,
        options: [{ label: `Merge into ${to.name}`, resolved: { confirmed: true, customerId: from.id, intoCustomerId: to.id } }, { label: 'Cancel', cancel: true }],
      },
    };
  }
  const moved = await ctx.tx.reassignCustomerChildren(from.id, to.id);
  await ctx.tx.remove('Customer', from.id);
  ctx.conv.lastCustomerId = to.id;
  return confirmed(`Merged ${from.name} into ${to.name}: moved ${moved} record${moved === 1 ? '' : 's'}.`);
};

