import { describe, expect, it } from 'vitest';
import { command, contract } from './helpers.ts';

// Every example of the operator table in ../shared/docs/product.md, at Tue 24 Nov 2026 10:00 New York.
const TABLE: ReadonlyArray<readonly [string, string, Record<string, string | number>]> = [
  ['called Jane at Acme, worried about pricing, follow up next Tuesday', 'log_interaction',
    { customer: 'Acme', contact: 'Jane', kind: 'call', note: 'worried about pricing', dueAt: '2026-12-01T14:00:00.000Z' }],
  ['met Bob from Globex for lunch, they want the API', 'log_interaction',
    { customer: 'Globex', contact: 'Bob', kind: 'meeting', note: 'they want the API' }],
  ['note for Initech: prefers email', 'log_interaction', { customer: 'Initech', kind: 'note', note: 'prefers email' }],
  ['new customer Umbrella Corp, contact Alice alice@umbrella.io', 'add_customer',
    { customer: 'Umbrella Corp', contact: 'Alice', email: 'alice@umbrella.io' }],
  ["Acme's phone is +1 555 0100", 'update_customer', { customer: 'Acme', phone: '+1 555 0100' }],
  ['tag Acme as enterprise', 'update_customer', { customer: 'Acme', tag: 'enterprise' }],
  ['how is Acme doing?', 'customer_summary', { customer: 'Acme' }],
  ['summary Globex', 'customer_summary', { customer: 'Globex' }],
  ['tell me about Jane', 'customer_summary', { contact: 'Jane' }],
  ['remind me to send the proposal to Acme on Friday 10am', 'create_followup',
    { customer: 'Acme', note: 'send the proposal', dueAt: '2026-11-27T15:00:00.000Z' }],
  ["what's due today?", 'list_followups', {}],
  ['done with the Acme proposal', 'complete_followup', { customer: 'Acme', note: 'proposal' }],
  ['snooze that until Monday', 'snooze_followup', { dueAt: '2026-11-30T14:00:00.000Z' }],
  ['Acme paid $1,200 for the annual plan', 'record_purchase',
    { customer: 'Acme', amount: 1200, currency: 'USD', note: 'annual plan' }],
  ['Globex renewed for 3k', 'record_purchase', { customer: 'Globex', amount: 3000 }],
  ['new deal with Initech, 5k, proposal stage', 'create_deal', { customer: 'Initech', amount: 5000, stage: 'proposal' }],
  ['Initech deal is won', 'update_deal', { customer: 'Initech', stage: 'won' }],
  ['pipeline?', 'pipeline_report', {}],
  ['Acme reports the export is broken', 'open_ticket', { customer: 'Acme', note: 'the export is broken' }],
  ["close Acme's export ticket", 'close_ticket', { customer: 'Acme', note: 'export' }],
  ['send the NPS survey to Acme', 'send_survey', { customer: 'Acme' }],
  ["what's our NPS?", 'nps_report', {}],
  ['NPS this quarter vs last', 'nps_report', {}],
  ['who is at risk?', 'churn_report', {}],
  ['top customers by lifetime value', 'clv_report', {}],
  ['segments', 'segment_report', {}],
  ['help', 'help', {}],
  ['undo', 'undo', {}],
  ['export customers', 'export', {}],
  ['forget Jane Doe', 'erase_contact', { contact: 'Jane Doe' }],
];

describe('product.md operator examples', () => {
  it.each(TABLE)('%s', (text, intent, slots) => {
    expect(contract(text)).toEqual({ intent, slots });
  });
});

describe('engine details beyond the contract', () => {
  it('keeps report periods and export targets on the command', () => {
    expect(command('NPS this quarter vs last')).toEqual({ intent: 'nps_report', period: 'quarter', compare: true });
    expect(command('export customers')).toEqual({ intent: 'export', what: 'customers' });
  });

  it('stores the whole message as the words of a free-text log', () => {
    const c = command('called Jane at Acme, worried about pricing, follow up next Tuesday');
    expect(c).toMatchObject({ words: 'called Jane at Acme, worried about pricing, follow up next Tuesday' });
  });

  it('dates a past interaction at 09:00 local unless a time is given', () => {
    expect(command('met Bob yesterday')).toMatchObject({ intent: 'log_interaction', contact: 'Bob', kind: 'meeting', occurredAt: new Date('2026-11-23T14:00:00.000Z') });
    expect(command('called Acme this morning')).toMatchObject({ customer: 'Acme', kind: 'call', occurredAt: new Date('2026-11-24T14:00:00.000Z') });
    expect(command('met Bob yesterday at 4pm, they want the API')).toMatchObject({ occurredAt: new Date('2026-11-23T21:00:00.000Z'), note: 'they want the API' });
    expect(command('called Acme')).not.toHaveProperty('occurredAt');
  });
});

describe('the simple explicit syntax', () => {
  it('add customer X', () => {
    expect(command('add customer Acme')).toEqual({ intent: 'add_customer', customer: 'Acme' });
  });

  it('log <kind> with X: words', () => {
    expect(command('log call with Acme: discussed pricing')).toEqual({
      intent: 'log_interaction', customer: 'Acme', kind: 'call', note: 'discussed pricing', words: 'discussed pricing',
    });
    expect(contract('log meeting with Jane at Acme: quarterly review, all green')).toEqual({
      intent: 'log_interaction', slots: { customer: 'Acme', contact: 'Jane', kind: 'meeting', note: 'quarterly review, all green' },
    });
  });

  it('summary X', () => {
    expect(command('summary Acme')).toEqual({ intent: 'customer_summary', customer: 'Acme' });
  });
});

describe('engine housekeeping intents (shown as unknown by the contract)', () => {
  it.each([
    ['merge Acme Labs into Acme Corp', { intent: 'merge_customers', customer: 'Acme Labs', into: 'Acme Corp' }],
    ['link @U123 to Jane at Acme', { intent: 'link_contact', platformUserId: 'U123', contact: 'Jane', customer: 'Acme' }],
    ['link <@U123> to Jane at Acme', { intent: 'link_contact', platformUserId: 'U123', contact: 'Jane', customer: 'Acme' }],
    ['invite link for Jane at Acme', { intent: 'invite_contact', contact: 'Jane', customer: 'Acme' }],
    ["what's scheduled?", { intent: 'schedule_report' }],
    ['pause surveys', { intent: 'set_surveys', paused: true }],
    ['resume surveys', { intent: 'set_surveys', paused: false }],
    ['survey 30 days after first purchase', { intent: 'set_survey_rule', rule: 'firstAfterDays', value: 30 }],
    ['survey every 90 days', { intent: 'set_survey_rule', rule: 'everyDays', value: 90 }],
    ['never survey more than once per 60 days', { intent: 'set_survey_rule', rule: 'minGapDays', value: 60 }],
    ['at most 20 surveys per day', { intent: 'set_survey_rule', rule: 'dailyCap', value: 20 }],
    ['my time zone is Europe/Berlin', { intent: 'set_timezone', timeZone: 'Europe/Berlin' }],
    ['show customer messages', { intent: 'inbox' }],
    ['inbox', { intent: 'inbox' }],
  ])('%s', (text, expected) => {
    expect(command(text)).toEqual(expected);
    expect(contract(text)).toEqual({ intent: 'unknown', slots: {} });
  });

  it('ignores a time zone that does not exist', () => {
    expect(command('my time zone is Mars/Olympus')).not.toMatchObject({ intent: 'set_timezone' });
  });
});

describe('out of scope', () => {
  it.each([
    'hi', 'thanks!', 'good morning', "what's the weather in Paris?", 'tell me a joke', 'asdfghjkl', 'lol',
    'how are you doing?', "what's up?", "how's it going?", 'tell me about yourself', 'can you order me a pizza',
    'book a flight to Berlin', 'I called my mom yesterday', 'had a great lunch today', 'my phone is dead lol',
    'who won the game last night?', 'qwerty uiop', '...', '1234',
  ])('%s is unknown with no slots', (text) => {
    expect(contract(text)).toEqual({ intent: 'unknown', slots: {} });
  });
});
