import { stringify } from 'csv-stringify/sync';
import type { CommandOf, SurveyRule } from '../command.ts';
import { resolveContact, resolveCustomer } from '../engine/resolve.ts';
import type { UseCase } from '../engine/types.ts';
import { formatTotals } from '../money.ts';
import { personAt } from '../names.ts';
import { reply } from '../reply.ts';
import { addDays, formatWhen, isTimeZone } from '../time.ts';
import { confirmed, refuse } from './customers.ts';

const EXPORT_LIMIT = 100_000;
const INVITE_TTL_DAYS = 7;
const INBOX_LIMIT = 20;
const INVITE_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const INVITE_CODE_LENGTH = 20;

export const HELP_LINES = [
  'called Jane at Acme, worried about pricing, follow up next Tuesday',
  'new customer Umbrella Corp, contact Alice alice@umbrella.io',
  'how is Acme doing?  ·  summary Globex',
  'remind me to send the proposal to Acme on Friday 10am  ·  what\'s due today?',
  'Acme paid $1,200 for the annual plan',
  'new deal with Initech, 5k, proposal stage  ·  pipeline?',
  'Acme reports the export is broken  ·  close Acme\'s export ticket',
  'send the NPS survey to Acme  ·  what\'s our NPS?  ·  who is at risk?  ·  is Acme at risk?',
  'top customers by lifetime value  ·  CLV for Acme  ·  segments  ·  which segment is Acme in?',
  'merge Acme Labs into Acme Corp  ·  export customers  ·  forget Jane Doe  ·  undo',
];

export const help: UseCase<CommandOf<'help'>> = async () => ({
  reply: reply('info', 'Talk to me like to an assistant. For example:', { title: 'What I can do', items: HELP_LINES }),
});

export const undo: UseCase<CommandOf<'undo'>> = async (cmd, ctx) => {
  const last = await ctx.tx.lastUndoableChange(ctx.actor);
  if (cmd.changeSetId !== undefined && last?.id !== cmd.changeSetId) {
    // Reverting an older change under later ones could undo those too: only the latest is safe.
    return refuse('That change was already undone or is no longer your latest one; say “undo” to revert your latest change.');
  }
  if (!last) return refuse('Nothing to undo.');
  for (const entry of [...last.entries].reverse()) {
    await ctx.tx.restore(entry.entity, entry.entityId, entry.action === 'create' ? null : entry.before);
  }
  await ctx.tx.markUndone(last.id, ctx.now);
  const line = `Undone: ${last.summary.replace(/\.$/, '')}.`;
  return { reply: reply('ok', line), summary: line };
};

export const exportData: UseCase<CommandOf<'export'>> = async (_cmd, ctx) => {
  const customers = await ctx.tx.listCustomers({ limit: EXPORT_LIMIT });
  const rows: string[][] = [];
  for (const c of customers) {
    const facts = await ctx.tx.customerFacts(c.id, 0);
    rows.push([
      String(c.id), c.name, c.stage, c.email ?? '', c.phone ?? '', facts.tags.join(' '),
      facts.contacts.map((p) => [p.name, p.email].filter(Boolean).join(' ')).join('; '),
      String(facts.interactionCount), facts.purchases.length ? formatTotals(facts.purchases) : '', c.createdAt.toISOString(),
    ]);
  }
  const csv = stringify([['id', 'name', 'stage', 'email', 'phone', 'tags', 'contacts', 'interactions', 'revenue', 'created_at'], ...rows]);
  const day = ctx.now.toISOString().slice(0, 10);
  return {
    reply: reply('ok', `Exported ${customers.length} customer${customers.length === 1 ? '' : 's'} as CSV.`, {
      file: { name: `customers-${day}.csv`, mime: 'text/csv', data: new TextEncoder().encode(csv) },
    }),
  };
};

export const eraseContact: UseCase<CommandOf<'erase_contact'>> = async (cmd, ctx) => {
  if (!cmd.contact) return refuse('Whose data should I erase? Say “forget Jane Doe”.');
  let customerId: number | undefined;
  if (cmd.customer) {
    const c = await resolveCustomer(ctx, cmd.customer);
    if (!c.ok) return c.outcome;
    customerId = c.value.id;
  }
  const found = await resolveContact(ctx, cmd.contact, customerId);
  if (!found.ok) return found.outcome;
  const person = found.value;
  if (!ctx.resolved.confirmed) {
    return {
      question: {
        text: `Erase ${person.name} (${person.customerName})? Their name, email, phone, chat links and survey comments are removed for good; this cannot be undone. Interactions stay, without their name.`,
        options: [{ label: `Erase ${person.name}`, resolved: { confirmed: true, contactId: person.id, customerId: person.customerId } }, { label: 'Cancel', cancel: true }],
      },
    };
  }
  await ctx.tx.erasePersonalData(person.id, ctx.now);
  return { reply: reply('ok', `Erased the personal data of contact #${person.id} (${person.customerName}).`) };
};

export const linkContact: UseCase<CommandOf<'link_contact'>> = async (cmd, ctx) => {
  if (!cmd.platformUserId) return refuse('Link whom? Say “link @user to Jane at Acme”.');
  if (ctx.message.platform === 'console') return refuse('Linking chat users works on Slack, Discord and Telegram.');
  const customer = cmd.customer ? await resolveCustomer(ctx, cmd.customer) : null;
  if (customer && !customer.ok) return customer.outcome;
  if (!cmd.contact) return refuse('Link to which contact? Say “link @user to Jane at Acme”.');
  const contact = await resolveContact(ctx, cmd.contact, customer?.value.id);
  if (!contact.ok) return contact.outcome;
  if (ctx.deps.operatorIds[ctx.message.platform]?.has(cmd.platformUserId)) return refuse('That user is an operator; operators cannot be linked to a contact.');
  const existing = await ctx.tx.findIdentity(ctx.message.platform, cmd.platformUserId);
  if (existing?.operatorId) return refuse('That user is an operator; operators cannot be linked to a contact.');
  if (existing) await ctx.tx.update('ChatIdentity', existing.id, { contactId: contact.value.id });
  else await ctx.tx.create('ChatIdentity', { platform: ctx.message.platform, platformUserId: cmd.platformUserId, contactId: contact.value.id });
  return confirmed(`Linked that ${ctx.message.platform} user to ${personAt(contact.value.name, contact.value.customerName)}; they can now answer surveys.`);
};

export const inviteContact: UseCase<CommandOf<'invite_contact'>> = async (cmd, ctx) => {
  if (!ctx.deps.inviteLink) return refuse('Invite links need Telegram: set TELEGRAM_BOT_TOKEN.');
  if (!cmd.contact) return refuse('Invite whom? Say “invite link for Jane at Acme”.');
  const customer = cmd.customer ? await resolveCustomer(ctx, cmd.customer) : null;
  if (customer && !customer.ok) return customer.outcome;
  const contact = await resolveContact(ctx, cmd.contact, customer?.value.id);
  if (!contact.ok) return contact.outcome;
  const random = ctx.deps.random ?? Math.random;
  const code = Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_ALPHABET[Math.floor(random() * INVITE_ALPHABET.length)]).join('');
  const expiresAt = addDays(ctx.now, INVITE_TTL_DAYS);
  await ctx.tx.create('InviteCode', { code, contactId: contact.value.id, expiresAt });
  const line = `Invite link for ${personAt(contact.value.name, contact.value.customerName)}, valid once until ${formatWhen(expiresAt, ctx.workspace.timeZone, ctx.now)}: ${ctx.deps.inviteLink(code)}`;
  return { reply: reply('ok', line), summary: `Created an invite link for ${contact.value.name}.` };
};

export const setTimeZone: UseCase<CommandOf<'set_timezone'>> = async (cmd, ctx) => {
  if (!isTimeZone(cmd.timeZone)) return refuse(`“${cmd.timeZone}” is not a time zone I know; use a name like Europe/Berlin or America/New_York.`);
  await ctx.tx.update('Workspace', ctx.workspace.id, { timeZone: cmd.timeZone });
  return confirmed(`Time zone set to ${cmd.timeZone}.`);
};

export const setSurveys: UseCase<CommandOf<'set_surveys'>> = async (cmd, ctx) => {
  if (ctx.workspace.surveysPaused === cmd.paused) return refuse(`Surveys are already ${cmd.paused ? 'paused' : 'running'}.`);
  await ctx.tx.update('Workspace', ctx.workspace.id, { surveysPaused: cmd.paused });
  return confirmed(cmd.paused ? 'Surveys paused: none will be sent until you say “resume surveys”.' : 'Surveys resumed.');
};

const RULE_FIELDS: Record<SurveyRule, { field: 'surveyFirstAfterDays' | 'surveyEveryDays' | 'surveyMinGapDays' | 'surveyDailyCap'; min: number; max: number; words: (n: number) => string }> = {
  firstAfterDays: { field: 'surveyFirstAfterDays', min: 0, max: 3650, words: (n) => `first survey ${n} days after a customer's first purchase` },
  everyDays: { field: 'surveyEveryDays', min: 1, max: 3650, words: (n) => `then a survey every ${n} days` },
  minGapDays: { field: 'surveyMinGapDays', min: 0, max: 3650, words: (n) => `never two surveys to one person within ${n} days` },
  dailyCap: { field: 'surveyDailyCap', min: 1, max: 10_000, words: (n) => `at most ${n} surveys a day` },
};

export const setSurveyRule: UseCase<CommandOf<'set_survey_rule'>> = async (cmd, ctx) => {
  const rule = RULE_FIELDS[cmd.rule];
  if (!Number.isInteger(cmd.value) || cmd.value < rule.min || cmd.value > rule.max) return refuse(`That rule takes a whole number from ${rule.min} to ${rule.max}.`);
  await ctx.tx.update('Workspace', ctx.workspace.id, { [rule.field]: cmd.value });
  return confirmed(`Survey rule set: ${rule.words(cmd.value)}.`);
};

export const inbox: UseCase<CommandOf<'inbox'>> = async (_cmd, ctx) => {
  const rows = await ctx.tx.listUnreadCustomerMessages(INBOX_LIMIT);
  if (rows.length === 0) return { reply: reply('info', 'No new messages from customers.') };
  await ctx.tx.markCustomerMessagesRead(rows.map((r) => r.id), ctx.now);
  return { reply: reply('info', `${rows.length} message${rows.length === 1 ? '' : 's'} from customers:`, { items: rows.map((r) => `${r.contactName ?? 'someone'} (${r.platform}): ${r.text}`) }) };
};

export const report = (kind: 'nps' | 'churn' | 'clv' | 'segments'): UseCase<CommandOf<'nps_report' | 'churn_report' | 'clv_report' | 'segment_report'>> =>
  async (cmd, ctx) => {
    if (!ctx.deps.analytics) return refuse('Analytics are not available in this build.');
    let customer: { id: number; name: string } | undefined;
    if (cmd.customer || cmd.contact) {
      const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
      if (!found.ok) return found.outcome;
      customer = { id: found.value.id, name: found.value.name };
      ctx.conv.lastCustomerId = customer.id;
    }
    const period = 'period' in cmd ? { period: cmd.period, compare: cmd.compare } : {};
    return ctx.deps.analytics.report(kind, ctx, { ...period, ...(customer ? { customer } : {}) });
  };
