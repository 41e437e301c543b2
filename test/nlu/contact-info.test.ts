import { describe, expect, it } from 'vitest';
import { findContactDetails, findEmail, findPhone } from '../../src/nlu/contact-info.ts';
import { contract } from './helpers.ts';

describe('phone numbers as written (LABELING.md "E-mail addresses and phone numbers")', () => {
  it.each([
    ["Acme's phone is +1 555 0100", '+1 555 0100'],
    ['call (555) 010-0100 tomorrow', '(555) 010-0100'],
    ['office: +44 20 7946 0958', '+44 20 7946 0958'],
    ['+44 (0)20 7946 0958', '+44 (0)20 7946 0958'],
    ['it is 555.010.0100.', '555.010.0100'],
    ['Globex phone: +49 30 1234567', '+49 30 1234567'],
    ['mobile 0171 2345678', '0171 2345678'],
    ['Melbourne office +61 3 9123 4567, ask for Mia', '+61 3 9123 4567'],
    ['+1 (773) 555-0142', '+1 (773) 555-0142'],
    ['+55 11 91234-5678', '+55 11 91234-5678'],
    ['+1-212-555-0147', '+1-212-555-0147'],
    ['555-0199', '555-0199'],
    ['+1 555 0100 ext. 12', '+1 555 0100 ext. 12'],
    ['desk 555 0100 x12', '555 0100 x12'],
    ['update it to 3125550100', '3125550100'],
  ])('%s', (text, phone) => {
    expect(findPhone(text)?.value).toBe(phone);
  });

  it.each([
    'they need 1500 more credits by 2027-06-01',
    'lands on 12.03.2026',
    'budget is 1.250.000 for 2027',
    'they paid 1 200 000 € last year',
    'see invoice #2026-0042',
    'between 10:30 and 11:45',
    'Q3 2026, 40 seats',
  ])('no phone in "%s"', (text) => {
    expect(findPhone(text)).toBeUndefined();
  });

  it('takes a bare run of digits only where the message is about contact details', () => {
    expect(findPhone('PO number 4500012345 approved', false)).toBeUndefined();
    expect(findPhone('PO number 4500012345 approved')?.value).toBe('4500012345');
  });
});

describe('e-mail addresses', () => {
  it('keeps the address as written, without sentence punctuation', () => {
    expect(findEmail('write to Ops@CobaltFreight.com.')?.value).toBe('Ops@CobaltFreight.com');
    expect(findEmail('accounts@scsolar.com.au, thanks')?.value).toBe('accounts@scsolar.com.au');
  });

  it('masks the address and the number so that no name is read from them', () => {
    const details = findContactDetails('Tony tony@stark.com, (212) 555-0147', { filler: '#' });
    expect(details.email?.value).toBe('tony@stark.com');
    expect(details.phone?.value).toBe('(212) 555-0147');
    expect(details.masked).toBe('Tony ##############, ##############');
  });
});

describe('e-mail addresses and phone numbers in parsed messages', () => {
  it.each([
    ['emailed jane.okafor@brightwater.io about the renewal', { kind: 'email', email: 'jane.okafor@brightwater.io', note: 'the renewal' }],
    ['emailed moritz.lang@kranich.de the onboarding guide', { kind: 'email', email: 'moritz.lang@kranich.de' }],
    ['called Ines at +351 21 123 4567, left a voicemail',
      { contact: 'Ines', kind: 'call', phone: '+351 21 123 4567', note: 'left a voicemail' }],
    ['called Cobalt Freight on (312) 555-0188 ext. 40, they moved the pickup',
      { customer: 'Cobalt Freight', kind: 'call', phone: '(312) 555-0188 ext. 40', note: 'they moved the pickup' }],
    ['called Marcus at Tidewater Analytics, he asked us to use ap@tidewater.ai', {
      customer: 'Tidewater Analytics', contact: 'Marcus', kind: 'call', email: 'ap@tidewater.ai',
      note: 'he asked us to use ap@tidewater.ai',
    }],
    ['called +1 312 555 0175, wrong number', { kind: 'call', phone: '+1 312 555 0175', note: 'wrong number' }],
    ['left a voicemail for Owen at 416-555-0182', { contact: 'Owen', kind: 'call', phone: '416-555-0182' }],
    ['got an email from chloe@northwind.ca about the invoice', { kind: 'email', email: 'chloe@northwind.ca', note: 'the invoice' }],
    ['phoned Jane, PO number 4500012345 approved', { contact: 'Jane', kind: 'call', note: 'PO number 4500012345 approved' }],
  ])('log: %s', (text, slots) => {
    expect(contract(text)).toEqual({ intent: 'log_interaction', slots });
  });

  it.each([
    ['Koala Cloud\'s phone is +61 3 9123 4567', { customer: 'Koala Cloud', phone: '+61 3 9123 4567' }],
    ['Elbe Logistik phone: +49 30 1234567 ext. 210', { customer: 'Elbe Logistik', phone: '+49 30 1234567 ext. 210' }],
    ["Jonas' mobile: 0151 23456789", { contact: 'Jonas', phone: '0151 23456789' }],
    ['Brightwater Labs email: accounts@brightwater.io', { customer: 'Brightwater Labs', email: 'accounts@brightwater.io' }],
    ['set email for Northwind to billing@northwind.ca', { customer: 'Northwind', email: 'billing@northwind.ca' }],
    ['contact email for Globex: hi@globex.com', { customer: 'Globex', email: 'hi@globex.com' }],
    ['pied piper phone: +1 650 555 0123', { customer: 'pied piper', phone: '+1 650 555 0123' }],
    ['update Tidewater Analytics: email ops@tidewater.ai, phone (312) 555-0101',
      { customer: 'Tidewater Analytics', email: 'ops@tidewater.ai', phone: '(312) 555-0101' }],
  ])('update: %s', (text, slots) => {
    expect(contract(text)).toEqual({ intent: 'update_customer', slots });
  });

  it('adds a customer with its contact details', () => {
    expect(contract('new customer Kranich Software GmbH, contact Moritz Lang, moritz.lang@kranich.de, +49 89 2000 1234')).toEqual({
      intent: 'add_customer',
      slots: { customer: 'Kranich Software GmbH', contact: 'Moritz Lang', email: 'moritz.lang@kranich.de', phone: '+49 89 2000 1234' },
    });
  });

  it('keeps an address in a reminder\'s note and never reads a name from it', () => {
    expect(contract('remind me to email jane.okafor@brightwater.io on Friday').slots)
      .toEqual({ note: 'email jane.okafor@brightwater.io', dueAt: '2026-11-27T14:00:00.000Z' });
    expect(contract('send the survey to bob@globex.com')).toEqual({ intent: 'send_survey', slots: {} });
  });
});
