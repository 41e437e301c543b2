import { describe, expect, it } from 'vitest';
import { isPersonName, parseNameSpan } from '../../src/nlu/names.ts';
import { command, contract } from './helpers.ts';

describe('names as written (LABELING.md "Names")', () => {
  it.each([
    ['Acme', { customer: 'Acme' }],
    ['Dunder Mifflin', { customer: 'Dunder Mifflin' }],
    ['Umbrella Corp', { customer: 'Umbrella Corp' }],
    ["Acme's", { customer: 'Acme' }],
    ['Jane at Acme', { contact: 'Jane', customer: 'Acme' }],
    ['Bob from Globex', { contact: 'Bob', customer: 'Globex' }],
    ['Jane (Acme)', { contact: 'Jane', customer: 'Acme' }],
    ['Carol (Massive Dynamic)', { contact: 'Carol', customer: 'Massive Dynamic' }],
    ['Jane @ Acme', { contact: 'Jane', customer: 'Acme' }],
    ['Jane, Acme', { contact: 'Jane', customer: 'Acme' }],
    ['Jane Doe', { contact: 'Jane Doe' }],
    ['Weyland-Yutani', { customer: 'Weyland-Yutani' }],
    ['"Acme Labs"', { customer: 'Acme Labs' }],
  ])('%s', (span, expected) => {
    expect(parseNameSpan(span)).toEqual(expected);
  });

  it('tells people from companies', () => {
    expect(isPersonName('Jane')).toBe(true);
    expect(isPersonName('Priya Patel')).toBe(true);
    expect(isPersonName('Wayne Enterprises')).toBe(false);
    expect(isPersonName('Globex')).toBe(false);
  });

  it('reads lower-case names, but not ordinary words, as names', () => {
    expect(contract('called jane at acme, she is happy').slots).toMatchObject({ contact: 'jane', customer: 'acme' });
    expect(contract('how is dunder mifflin doing?').slots).toEqual({ customer: 'dunder mifflin' });
    expect(contract('how is the weather?')).toEqual({ intent: 'unknown', slots: {} });
    expect(contract("how's it going?")).toEqual({ intent: 'unknown', slots: {} });
  });

  it('never makes a pronoun, weekday or acronym a name', () => {
    expect(contract('snooze that until Monday').slots).not.toHaveProperty('customer');
    expect(contract('close that ticket')).toEqual({ intent: 'close_ticket', slots: {} });
    expect(contract('Umbrella Corp CSV import ticket is fixed').slots).toEqual({ customer: 'Umbrella Corp', note: 'CSV import' });
  });

  it('finds names wherever the wording puts them', () => {
    expect(contract('emailed the contract to Bob at Globex').slots).toEqual({ customer: 'Globex', contact: 'Bob', kind: 'email' });
    expect(contract('met with the Initech team today, they love the new dashboard').slots)
      .toEqual({ customer: 'Initech', kind: 'meeting', note: 'they love the new dashboard' });
    expect(contract('coffee w/ Jane @ Acme').slots).toEqual({ customer: 'Acme', contact: 'Jane', kind: 'meeting' });
    expect(contract('Bob from Globex\'s number is 555-0199').slots).toEqual({ customer: 'Globex', contact: 'Bob', phone: '555-0199' });
    expect(contract('delete Jane at Acme\'s personal data')).toEqual({ intent: 'erase_contact', slots: { customer: 'Acme', contact: 'Jane' } });
    expect(contract('tell me about Jane at Acme').slots).toEqual({ customer: 'Acme', contact: 'Jane' });
  });

  it('reads forwarded and quoted messages', () => {
    expect(contract('Fwd: Acme reports the export is broken')).toEqual({ intent: 'open_ticket', slots: { customer: 'Acme', note: 'the export is broken' } });
    expect(contract('> called Ben at Prestige Worldwide, all good')).toEqual({
      intent: 'log_interaction', slots: { customer: 'Prestige Worldwide', contact: 'Ben', kind: 'call', note: 'all good' },
    });
  });
});

describe('removing a tag', () => {
  it.each([
    ['remove tag enterprise from Acme', 'Acme', 'enterprise'],
    ['untag Acme enterprise', 'Acme', 'enterprise'],
    ['untag vip from Globex Corp', 'Globex Corp', 'vip'],
  ])('%s', (text, customer, tag) => {
    expect(command(text)).toMatchObject({ intent: 'update_customer', customer, tag, untag: true });
  });
});
