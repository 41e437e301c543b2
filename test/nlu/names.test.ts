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
    ['Jane - Acme', { contact: 'Jane', customer: 'Acme' }],
    ['Jane @Acme', { contact: 'Jane', customer: 'Acme' }],
    ['Jane@Acme', { contact: 'Jane', customer: 'Acme' }],
    ['Acme Inc.', { customer: 'Acme Inc.' }],
    ['Umbrella Corp.', { customer: 'Umbrella Corp.' }],
    ['Banco Meridiano S.A.', { customer: 'Banco Meridiano S.A.' }],
    ['J.P. Whitfield & Co', { customer: 'J.P. Whitfield & Co' }],
    ['Dr. Amara Osei', { contact: 'Dr. Amara Osei' }],
    ['Bank of Ireland', { customer: 'Bank of Ireland' }],
    ['Jane of Acme', { contact: 'Jane', customer: 'Acme' }],
    ['Maria van der Berg from Philips', { contact: 'Maria van der Berg', customer: 'Philips' }],
    ['3M', { customer: '3M' }],
    ['7-Eleven', { customer: '7-Eleven' }],
    ["'Blue Bottle Coffee'", { customer: 'Blue Bottle Coffee' }],
    ['Lucía', { contact: 'Lucía' }],
    ['Sunita & Dev from Larkspur Media', { contact: 'Sunita', customer: 'Larkspur Media' }],
    ["Acme's Jane", { contact: 'Jane', customer: 'Acme' }],
    ["Jared, Pied Piper's COO", { contact: 'Jared', customer: 'Pied Piper' }],
  ])('%s', (span, expected) => {
    expect(parseNameSpan(span)).toEqual(expected);
  });

  it('tells people from companies', () => {
    expect(isPersonName('Jane')).toBe(true);
    expect(isPersonName('Priya Patel')).toBe(true);
    expect(isPersonName('Wayne Enterprises')).toBe(false);
    expect(isPersonName('Globex')).toBe(false);
  });

  it('never reads a name from an e-mail address or a time', () => {
    expect(parseNameSpan('jane@acme.com')).toEqual({});
    expect(parseNameSpan('3pm')).toEqual({});
    expect(parseNameSpan('5K')).toEqual({});
  });

  it('reads lower-case names, but not ordinary words, as names', () => {
    expect(contract('had a call with bright horizons ltd, they need SSO').slots).toMatchObject({ customer: 'bright horizons ltd' });
    expect(contract('messaged isla at wattle & gum, sent the checklist').slots).toMatchObject({ contact: 'isla', customer: 'wattle & gum' });
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

  it('names the contact in every intent that names someone', () => {
    expect(contract('Jane at Acme paid $120 for extra storage').slots).toMatchObject({ customer: 'Acme', contact: 'Jane' });
    expect(contract('Owen paid $250 for gift cards').slots).toMatchObject({ contact: 'Owen' });
    expect(contract('new deal with Oriol at Vinyes Clos, 9k, qualified').slots).toMatchObject({ customer: 'Vinyes Clos', contact: 'Oriol' });
    expect(contract('move Jonas at Brenner Maschinenbau to proposal').slots).toMatchObject({ customer: 'Brenner Maschinenbau', contact: 'Jonas' });
    expect(contract('done with the proposal for Owen at Northwind Outfitters').slots).toEqual({ customer: 'Northwind Outfitters', contact: 'Owen', note: 'proposal' });
    expect(contract('add contact Chloé Martin to Northwind Outfitters')).toEqual({
      intent: 'update_customer', slots: { customer: 'Northwind Outfitters', contact: 'Chloé Martin' },
    });
  });

  it('keeps abbreviation dots but ends no clause at a title', () => {
    expect(contract('called Acme Inc. about the renewal, they want a 2-year term').slots)
      .toEqual({ customer: 'Acme Inc.', kind: 'call', note: 'the renewal, they want a 2-year term' });
    expect(contract('Called Kestrel Health. Dr. Osei wants the HIPAA addendum.').slots)
      .toEqual({ customer: 'Kestrel Health', kind: 'call', note: 'Dr. Osei wants the HIPAA addendum' });
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

describe('how business names are written', () => {
  it.each([
    // A trade noun at the end makes a business, even after a given name.
    ['Priya Kitchens', { customer: 'Priya Kitchens' }],
    ['Elena Moss Photography', { customer: 'Elena Moss Photography' }],
    ['Ravi @ Hollis Traders', { contact: 'Ravi', customer: 'Hollis Traders' }],
    ['Vesper Interiors (Leeds)', { customer: 'Vesper Interiors' }],
    ['Silver Hour Flowers', { customer: 'Silver Hour Flowers' }],
    // Numbers inside a name, in digits or words.
    ['5 Lanterns Bakery', { customer: '5 Lanterns Bakery' }],
    ['Four Pines Catering', { customer: 'Four Pines Catering' }],
    ['Gate 12 Fitness', { customer: 'Gate 12 Fitness' }],
    ["Route 8's", { customer: 'Route 8' }],
    // Connectors inside a name.
    ['Salt and Stone Builders', { customer: 'Salt and Stone Builders' }],
    ['Apotheke am Markt', { customer: 'Apotheke am Markt' }],
    ['tovey and finch interiors', { customer: 'tovey and finch interiors' }],
    ['thistle & oak', { customer: 'thistle & oak' }],
    // A legal form ends a name, bar another legal form or a region code.
    ['Harbor Lane LLC Europe', { customer: 'Harbor Lane LLC' }],
    ['Wombat Pty Ltd', { customer: 'Wombat Pty Ltd' }],
    ['AB InBev', { customer: 'AB InBev' }],
    // An owner's possessive before a trade noun is part of the name.
    ["Rosa's Flower Shop", { customer: "Rosa's Flower Shop" }],
    // A dash pairs any one-word name with a business.
    ['Tavita - Koru Legal', { contact: 'Tavita', customer: 'Koru Legal' }],
    // Lower-case words in brackets after a person describe them.
    ['Hannah Okafor (independent consultant)', { contact: 'Hannah Okafor' }],
  ])('%s', (span, expected) => {
    expect(parseNameSpan(span)).toEqual(expected);
  });

  it.each([['Priya and Raj'], ['priya & raj'], ['Acme and Globex'], ['3 Jan'], ['2 PM']])('%s is not one business', (span) => {
    expect(parseNameSpan(span).customer).not.toBe(span);
  });

  it('a lone number is never a name', () => {
    expect(parseNameSpan('12')).toEqual({});
  });
});
