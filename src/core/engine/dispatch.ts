import type { Command, CommandOf, Intent } from '../command.ts';
import { reply } from '../reply.ts';
import { addCustomer, customerSummary, listCustomers, mergeCustomers, updateCustomer } from '../use-cases/customers.ts';
import { createDeal, pipelineReport, recordPurchase, updateDeal } from '../use-cases/deals.ts';
import { completeFollowUp, createFollowUp, listFollowUps, snoozeFollowUp } from '../use-cases/follow-ups.ts';
import {
  eraseContact, exportData, help, inbox, inviteContact, linkContact, report, setSurveyRule, setSurveys, setTimeZone, undo,
} from '../use-cases/housekeeping.ts';
import { scheduleReport, sendSurvey } from '../use-cases/schedule.ts';
import { logInteraction } from '../use-cases/interactions.ts';
import { closeTicket, openTicket } from '../use-cases/tickets.ts';
import type { ExecContext, Outcome, UseCase } from './types.ts';

type UseCases = { [I in Intent]: UseCase<CommandOf<I>> };

const notUnderstood: UseCase<CommandOf<'unknown'>> = async (cmd) => {
  if (cmd.reason === 'empty') return { reply: reply('error', 'Your message was empty. Say “help” to see what I can do.') };
  if (cmd.reason === 'too_long') return { reply: reply('error', 'That message is too long for me; nothing was stored. Please send a shorter one.') };
  return { reply: reply('error', 'Sorry, I did not understand that. Say “help” to see what I can do.') };
};

const customerOnly: UseCase<CommandOf<'nps_reply'>> = async () => ({
  reply: reply('error', 'Survey answers come from customers; as an operator, ask “what\'s our NPS?”.'),
});

/** Each intent's use case: the one place that maps commands to behaviour. */
const USE_CASES: UseCases = {
  log_interaction: logInteraction,
  add_customer: addCustomer,
  update_customer: updateCustomer,
  customer_summary: customerSummary,
  list_customers: listCustomers,
  create_followup: createFollowUp,
  list_followups: listFollowUps,
  complete_followup: completeFollowUp,
  snooze_followup: snoozeFollowUp,
  record_purchase: recordPurchase,
  create_deal: createDeal,
  update_deal: updateDeal,
  pipeline_report: pipelineReport,
  open_ticket: openTicket,
  close_ticket: closeTicket,
  send_survey: sendSurvey,
  nps_report: report('nps'),
  churn_report: report('churn'),
  clv_report: report('clv'),
  segment_report: report('segments'),
  export: exportData,
  erase_contact: eraseContact,
  undo,
  help,
  unknown: notUnderstood,
  merge_customers: mergeCustomers,
  link_contact: linkContact,
  invite_contact: inviteContact,
  schedule_report: scheduleReport,
  set_surveys: setSurveys,
  set_survey_rule: setSurveyRule,
  set_timezone: setTimeZone,
  inbox,
  nps_reply: customerOnly,
};

/** Runs the use case of a command. */
export function execute(cmd: Command, ctx: ExecContext): Promise<Outcome> {
  return (USE_CASES[cmd.intent] as UseCase)(cmd, ctx);
}
