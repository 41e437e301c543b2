import { DEAL_STAGES, type CommandOf, type DealStage } from '../command.ts';
import { resolveCustomer } from '../engine/resolve.ts';
import type { UseCase } from '../engine/types.ts';
import { formatMoney, formatTotals, toMinor } from '../money.ts';
import { reply } from '../reply.ts';
import { formatDay } from '../time.ts';
import { confirmed, refuse } from './customers.ts';

/** Default win probability (percent) per stage, for the weighted pipeline. */
const STAGE_PROBABILITY: Record<DealStage, number> = { lead: 10, qualified: 25, proposal: 50, negotiation: 75, won: 100, lost: 0 };
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function isDealStage(s: string): s is DealStage {
  return (DEAL_STAGES as readonly string[]).includes(s);
}

export const recordPurchase: UseCase<CommandOf<'record_purchase'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
  if (!found.ok) return found.outcome;
  const customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  if (cmd.amount === undefined) return refuse(`How much did ${customer.name} pay? Say e.g. “${customer.name} paid $1,200”.`);
  const currency = (cmd.currency ?? ctx.workspace.currency).toUpperCase();
  const money = toMinor(cmd.amount, currency);
  if (!money.ok) return refuse(money.error);
  const occurredAt = cmd.occurredAt ?? ctx.now;
  if (occurredAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) return refuse('A purchase cannot be in the future.');
  await ctx.tx.create('Purchase', { customerId: customer.id, amountMinor: money.minor, currency, occurredAt, description: cmd.note?.trim() || null });
  if (customer.stage === 'lead' || customer.stage === 'churned' || customer.stage === 'at_risk') await ctx.tx.update('Customer', customer.id, { stage: 'active' });
  const when = cmd.occurredAt ? ` on ${formatDay(occurredAt, ctx.workspace.timeZone, ctx.now)}` : '';
  return confirmed(`Recorded ${formatMoney(money.minor, currency)} from ${customer.name}${cmd.note ? ` for ${cmd.note.trim()}` : ''}${when}.`);
};

export const createDeal: UseCase<CommandOf<'create_deal'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
  if (!found.ok) return found.outcome;
  const customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  const stage = cmd.stage?.toLowerCase() ?? 'lead';
  if (!isDealStage(stage)) return refuse(`Deal stage must be one of: ${DEAL_STAGES.join(', ')}.`);
  const currency = (cmd.currency ?? ctx.workspace.currency).toUpperCase();
  let amountMinor: number | null = null;
  if (cmd.amount !== undefined) {
    const money = toMinor(cmd.amount, currency);
    if (!money.ok) return refuse(money.error);
    amountMinor = money.minor;
  }
  const title = cmd.note?.trim() || `${customer.name} deal`;
  await ctx.tx.create('Deal', {
    customerId: customer.id, title, amountMinor, currency, stage, probability: STAGE_PROBABILITY[stage],
    closedAt: stage === 'won' || stage === 'lost' ? ctx.now : null,
  });
  return confirmed(`New deal “${title}” with ${customer.name}${amountMinor ? `, ${formatMoney(amountMinor, currency)}` : ''}, stage ${stage}.`);
};

export const updateDeal: UseCase<CommandOf<'update_deal'>> = async (cmd, ctx) => {
  const found = await resolveCustomer(ctx, cmd.customer, cmd.contact);
  if (!found.ok) return found.outcome;
  const customer = found.value;
  ctx.conv.lastCustomerId = customer.id;
  const deals = await ctx.tx.listOpenDeals(customer.id);
  const deal = ctx.resolved.dealId ? deals.find((d) => d.id === ctx.resolved.dealId) : deals.length === 1 ? deals[0] : undefined;
  if (!deal && deals.length === 0) return refuse(`${customer.name} has no open deal. Start one: “new deal with ${customer.name}, 5k”.`);
  if (!deal) {
    return { question: { text: 'Which deal?', options: [...deals.map((d) => ({ label: `${d.title} (${d.stage})`, resolved: { dealId: d.id } })), { label: 'Cancel', cancel: true }] } };
  }
  const stage = cmd.stage?.toLowerCase();
  if (stage !== undefined && !isDealStage(stage)) return refuse(`Deal stage must be one of: ${DEAL_STAGES.join(', ')}.`);
  const changes: string[] = [];
  const data: Record<string, unknown> = {};
  if (stage !== undefined && isDealStage(stage) && stage !== deal.stage) {
    Object.assign(data, { stage, probability: STAGE_PROBABILITY[stage], closedAt: stage === 'won' || stage === 'lost' ? ctx.now : null });
    changes.push(stage === 'won' || stage === 'lost' ? `marked ${stage}` : `moved to ${stage}`);
  }
  if (cmd.amount !== undefined) {
    const currency = (cmd.currency ?? deal.currency).toUpperCase();
    const money = toMinor(cmd.amount, currency);
    if (!money.ok) return refuse(money.error);
    Object.assign(data, { amountMinor: money.minor, currency });
    changes.push(`amount ${formatMoney(money.minor, currency)}`);
  }
  if (changes.length === 0) return refuse(`What changed on “${deal.title}”? Say e.g. “${customer.name} deal is won”.`);
  await ctx.tx.update('Deal', deal.id, data);
  return confirmed(`Deal “${deal.title}” (${customer.name}): ${changes.join(', ')}.`);
};

export const pipelineReport: UseCase<CommandOf<'pipeline_report'>> = async (_cmd, ctx) => {
  const deals = await ctx.tx.listOpenDeals();
  if (deals.length === 0) return { reply: reply('info', 'No open deals. Start one: “new deal with Acme, 5k, proposal stage”.') };
  const fields = DEAL_STAGES.filter((s) => s !== 'won' && s !== 'lost').flatMap((stage) => {
    const inStage = deals.filter((d) => d.stage === stage);
    if (inStage.length === 0) return [];
    const priced = inStage.filter((d) => d.amountMinor !== null).map((d) => ({ amountMinor: d.amountMinor!, currency: d.currency }));
    return [{ label: `${stage} (${inStage.length})`, value: `${priced.length ? formatTotals(priced) : 'no amounts'} · ${inStage.map((d) => d.customerName).join(', ')}` }];
  });
  const weighted = deals.filter((d) => d.amountMinor !== null).map((d) => ({ amountMinor: Math.round((d.amountMinor! * d.probability) / 100), currency: d.currency }));
  return { reply: reply('info', `${deals.length} open deal${deals.length === 1 ? '' : 's'}; weighted value ${formatTotals(weighted)}.`, { title: 'Pipeline', fields }) };
};
