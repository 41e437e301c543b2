import type { Contact, Customer } from '../domain.ts';
import { nameKey, rankByName } from '../names.ts';
import { reply } from '../reply.ts';
import type { ContactWithCustomer } from '../store.ts';
import type { ExecContext, Outcome } from './types.ts';

/** Either the record, or what to say instead (a question or a one-line answer). */
export type Resolution<T> = { ok: true; value: T } | { ok: false; outcome: Outcome };

/** Names at least this alike are plausible matches. */
const PLAUSIBLE = 0.88;
/** Below PLAUSIBLE but at least this alike: offered as "did you mean". */
const SUGGEST = 0.8;
const MAX_CHOICES = 4;
const PRONOUN = /\b(that|it|them|they|their|this one|same)\b/i;

const fail = <T>(outcome: Outcome): Resolution<T> => ({ ok: false, outcome });
const say = <T>(text: string): Resolution<T> => fail({ reply: reply('error', text) });

/** True when the message refers back to the last thing discussed ("snooze that", "call them"). */
export function usesPronoun(text: string): boolean {
  return PRONOUN.test(text);
}

/**
 * Finds the customer a command is about: an id pinned by an earlier answer, a contact's customer,
 * the last customer discussed when the message says "that"/"them", or the name, matched fuzzily.
 * Two plausible matches give a question, never a guess.
 */
export async function resolveCustomer(ctx: ExecContext, name: string | undefined, contactName?: string): Promise<Resolution<Customer>> {
  if (ctx.resolved.customerId) {
    const c = await ctx.tx.get('Customer', ctx.resolved.customerId);
    return c ? { ok: true, value: c } : say('That customer no longer exists.');
  }
  if (!name?.trim()) {
    if (contactName?.trim()) {
      const contact = await resolveContact(ctx, contactName, undefined);
      if (!contact.ok) return contact;
      const c = await ctx.tx.get('Customer', contact.value.customerId);
      return c ? { ok: true, value: c } : say('That customer no longer exists.');
    }
    if (ctx.conv.lastCustomerId && usesPronoun(ctx.message.text)) {
      const c = await ctx.tx.get('Customer', ctx.conv.lastCustomerId);
      if (c) return { ok: true, value: c };
    }
    return fail({ question: { text: 'Which customer?', options: [{ label: 'Cancel', cancel: true }], freeText: 'customer' } });
  }
  const exact = await ctx.tx.findCustomersByKey(nameKey(name));
  if (exact.length === 1) return { ok: true, value: exact[0]! };
  if (exact.length > 1) return fail(pick(`Which ${name}?`, exact.map((c) => ({ label: `${c.name} (#${c.id})`, id: c.id }))));
  const ranked = rankByName(name, await ctx.tx.listCustomerNames(), (c) => c.name, SUGGEST);
  const plausible = ranked.filter((m) => m.score >= PLAUSIBLE);
  if (plausible.length === 1) {
    const c = await ctx.tx.get('Customer', plausible[0]!.item.id);
    if (c) return { ok: true, value: c };
  }
  if (plausible.length > 1) {
    return fail(pick(`Which ${name}?`, plausible.slice(0, MAX_CHOICES).map((m) => ({ label: m.item.name, id: m.item.id }))));
  }
  if (ranked.length > 0) {
    return fail(pick(`I don't know “${name}”. Did you mean:`, ranked.slice(0, MAX_CHOICES).map((m) => ({ label: m.item.name, id: m.item.id }))));
  }
  return say(`I don't know a customer called “${name}”. Add it first: “add customer ${name}”.`);
}

function pick(text: string, options: { label: string; id: number }[]): Outcome {
  return {
    question: {
      text,
      options: [...options.map((o) => ({ label: o.label, resolved: { customerId: o.id } })), { label: 'Cancel', cancel: true }],
    },
  };
}

/** Finds a contact by name, within a customer when one is known; ambiguity gives a question. */
export async function resolveContact(ctx: ExecContext, name: string, customerId: number | undefined): Promise<Resolution<ContactWithCustomer>> {
  if (ctx.resolved.contactId) {
    const found = (await ctx.tx.listContactNames(customerId)).find((c) => c.id === ctx.resolved.contactId);
    if (found) return { ok: true, value: found };
  }
  const exact = await ctx.tx.findContactsByKey(nameKey(name), customerId);
  const candidates = exact.length > 0
    ? exact.map((item) => ({ item, score: 1 }))
    : rankByName(name, await ctx.tx.listContactNames(customerId), (c) => c.name, PLAUSIBLE);
  if (candidates.length === 1) return { ok: true, value: candidates[0]!.item };
  if (candidates.length > 1) {
    return fail({
      question: {
        text: `Which ${name}?`,
        options: [
          ...candidates.slice(0, MAX_CHOICES).map((m) => ({ label: `${m.item.name} (${m.item.customerName})`, resolved: { contactId: m.item.id, customerId: m.item.customerId } })),
          { label: 'Cancel', cancel: true },
        ],
      },
    });
  }
  return say(customerId ? `No contact called “${name}” there.` : `I don't know anyone called “${name}”.`);
}

/** The contact named in a command at a known customer, created when new (returns whether it was). */
export async function contactAt(ctx: ExecContext, customer: Customer, name: string | undefined): Promise<Resolution<{ contact: Contact | null; created: boolean }>> {
  if (!name?.trim()) return { ok: true, value: { contact: null, created: false } };
  const found = await resolveContact(ctx, name, customer.id);
  if (found.ok) return { ok: true, value: { contact: found.value, created: false } };
  if ('question' in found.outcome) return fail(found.outcome);
  const contact = await ctx.tx.create('Contact', { customerId: customer.id, name: name.trim(), nameKey: nameKey(name) });
  return { ok: true, value: { contact, created: true } };
}
