import { describe, expect, it } from 'vitest';
import { command, contract } from './helpers.ts';

// General shapes found missing on the development split (nlu-corpus/dev-src), checked on fresh examples.
describe('wrappers and shorthand', () => {
  it('unwraps "Fwd from X:" and "[fwd]" with the forwarded text in quotes', () => {
    expect(contract('Fwd from Teams: "called Orbis, they want a quote"')).toEqual({
      intent: 'log_interaction', slots: { customer: 'Orbis', kind: 'call', note: 'they want a quote' },
    });
    expect(contract('[fwd] email from Ada Lovelace: the draft looks good').slots).toMatchObject({ contact: 'Ada Lovelace', kind: 'email' });
  });

  it('reads a lone "w" as "with" and keeps the words of the note as written', () => {
    expect(contract('call w Orbis: they want SSO').slots).toMatchObject({ customer: 'Orbis', kind: 'call', note: 'they want SSO' });
    expect(contract('done w the Orbis renewal quote').slots).toEqual({ customer: 'Orbis', note: 'renewal quote' });
  });

  it('keeps typos and near-keywords in notes as written', () => {
    expect(contract('remnd me tmrw to send the invocie to Orbis').slots).toMatchObject({ customer: 'Orbis', note: 'send the invocie' });
    expect(contract('met Ada at Orbis, they want a custom report').slots).toMatchObject({ note: 'they want a custom report' });
  });

  it('reads "call back" and "try again" as the follow-up clause', () => {
    expect(contract('rang Orbis, no answer, try again Friday').slots).toMatchObject({ note: 'no answer', dueAt: '2026-11-27T14:00:00.000Z' });
    expect(contract('called Ada at Orbis, she is away, call back next week').slots).toMatchObject({
      note: 'she is away', dueAt: '2026-11-30T14:00:00.000Z',
    });
  });

  it('reads "arvo" as the afternoon', () => {
    expect(contract('remind me tomorrow arvo to call Orbis').slots.dueAt).toBe('2026-11-25T20:00:00.000Z');
  });
});

describe('who is named', () => {
  it('does not take an acronym between an article and a noun for a customer', () => {
    expect(contract('remind me Friday to file the VAT return').slots).toEqual({ note: 'file the VAT return', dueAt: '2026-11-27T14:00:00.000Z' });
    expect(contract('remind me to send the DPA to Orbis Ltd').slots).toMatchObject({ customer: 'Orbis Ltd', note: 'send the DPA' });
    expect(contract('remind me to send the proposal to the IBM team').slots).toMatchObject({ customer: 'IBM' });
  });

  it('keeps upper-case and multi-word legal forms and region codes in company names', () => {
    expect(contract('add lead Fjellvik AS').slots).toEqual({ customer: 'Fjellvik AS', stage: 'lead' });
    expect(contract('Orbis UK paid £400').slots).toMatchObject({ customer: 'Orbis UK' });
    expect(contract('called Ada Nowak, Orbis Software sp. z o.o. - pilot agreed').slots).toMatchObject({
      contact: 'Ada Nowak', customer: 'Orbis Software sp. z o.o.', note: 'pilot agreed',
    });
    expect(contract('add Acme as a customer').slots).toEqual({ customer: 'Acme' });
  });

  it('does not pair a company with a place in brackets', () => {
    expect(contract('new customer Orbis Labs (Lisbon), contact Ada Costa').slots).toEqual({ customer: 'Orbis Labs', contact: 'Ada Costa' });
  });

  it('skips a clause that only gives the address or number reached', () => {
    expect(contract('emailed Ada Costa, ada@orbis.io, sent the deck').slots).toMatchObject({ contact: 'Ada Costa', email: 'ada@orbis.io', note: 'sent the deck' });
  });

  it('counts a role ("the ops lead") as saying who was reached, but no contraction as a name', () => {
    expect(contract('texted the ops lead, waiting on the PO')).toEqual({ intent: 'log_interaction', slots: { kind: 'message', note: 'waiting on the PO' } });
    expect(contract('tag you\'re it').intent).toBe('unknown');
    expect(contract('tag them as reseller')).toEqual({ intent: 'update_customer', slots: { tag: 'reseller' } });
  });

  it('does not read an ordinary word listed only capitalised ("first") as a lower-case name', () => {
    expect(contract('coffee first, emails later').intent).toBe('unknown');
  });
});

describe('intents by their usual words', () => {
  it.each([
    ['send me the memo', 'unknown'],
    ['call me later', 'unknown'],
    ['remind me, where is the office?', 'unknown'],
    ['remind me why we did this', 'unknown'],
    ['clients tagged partner', 'list_customers'],
    ['fintech customers?', 'list_customers'],
    ['csat survey for Ada Costa', 'send_survey'],
    ['who is slipping?', 'churn_report'],
    ['list the hibernating ones', 'segment_report'],
    ['detractors this month', 'nps_report'],
    ['ctrl+z', 'undo'],
    ['what is in qualified', 'pipeline_report'],
    ['Orbis is active now', 'update_customer'],
    ['Orbis deal increased to 20k', 'update_deal'],
    ["Orbis's login bug is fixed", 'close_ticket'],
  ])('%s → %s', (text, intent) => {
    expect(contract(text).intent).toBe(intent);
  });

  it('reads the ticket words around "is fixed"', () => {
    expect(contract('the Orbis sync bug is fixed, close it').slots).toEqual({ customer: 'Orbis', note: 'sync' });
    expect(contract('Orbis says the export bug is resolved').slots).toEqual({ customer: 'Orbis', note: 'export' });
  });

  it('reads a deal name listed among amount and stage', () => {
    expect(contract('new deal: Orbis Ltd, data platform, 30k, proposal').slots).toEqual({
      customer: 'Orbis Ltd', note: 'data platform', amount: 30000, stage: 'proposal',
    });
  });

  it('reads completions that open with a tick or say "that one"', () => {
    expect(contract('✔️ done with the board deck')).toEqual({ intent: 'complete_followup', slots: { note: 'board deck' } });
    expect(contract('done with the orbis quote').slots).toEqual({ customer: 'orbis', note: 'quote' });
    expect(contract("that one's done")).toEqual({ intent: 'complete_followup', slots: {} });
  });
});

describe('survey replies', () => {
  it('reads "nota" as a score and drops the words that only lead into it', () => {
    expect(contract('nota 7, bom', { as: 'customer' })).toEqual({ intent: 'nps_reply', slots: { score: 7, note: 'bom' } });
    expect(contract('too slow for us, I would say 4', { as: 'customer' })).toEqual({ intent: 'nps_reply', slots: { score: 4, note: 'too slow for us' } });
    expect(contract('love it, 9', { as: 'customer' }).slots).toEqual({ score: 9, note: 'love it' });
  });
});

// Shapes found missing on the third development split (nlu-corpus/dev3-src), checked on fresh examples.
describe('addresses, numbers and names around them', () => {
  it('reads a capitalised part of the day before a capitalised word as a name, not a time', () => {
    expect(contract('called Midnight Oil Studio, they want a quote').slots).toMatchObject({ customer: 'Midnight Oil Studio', note: 'they want a quote' });
    expect(contract('remind me tomorrow to send the deck to Morning Glory Cafe').slots).toMatchObject({
      customer: 'Morning Glory Cafe', note: 'send the deck', dueAt: '2026-11-25T14:00:00.000Z',
    });
    expect(contract('remind me Friday night to call Orbis').slots.dueAt).toBe('2026-11-28T01:00:00.000Z');
  });

  it('takes the request after a time said first', () => {
    expect(contract('in 2 days remind me to send the NDA to Orbis')).toEqual({
      intent: 'create_followup', slots: { customer: 'Orbis', note: 'send the NDA', dueAt: '2026-11-26T14:00:00.000Z' },
    });
    expect(contract('tomorrow follow up with Orbis about pricing')).toEqual({
      intent: 'create_followup', slots: { customer: 'Orbis', note: 'follow up about pricing', dueAt: '2026-11-25T14:00:00.000Z' },
    });
    expect(contract('follow up with Orbis about pricing tomorrow').slots.note).toBe('follow up about pricing');
    expect(contract('folow up with Orbis on friday').slots.note).toBe('folow up');
  });

  it('keeps "and" inside a business name before a possessive', () => {
    expect(contract("Salt and Pepper Catering's phone is +1 212 555 0199").slots).toEqual({ customer: 'Salt and Pepper Catering', phone: '+1 212 555 0199' });
  });

  it('reads an address that stands for someone', () => {
    expect(contract('Orbis\'s billing email is mailto:ap@orbis.io')).toEqual({ intent: 'update_customer', slots: { customer: 'Orbis', email: 'ap@orbis.io' } });
    expect(contract('tell me about ap@orbis.io')).toEqual({ intent: 'customer_summary', slots: {} });
    expect(contract('billing@orbis.io reports the invoices are blank')).toEqual({ intent: 'open_ticket', slots: { note: 'the invoices are blank' } });
    expect(contract('delete everything we have on ap@orbis.io').intent).toBe('erase_contact');
  });

  it('reads a cell phone as a person\'s and a question as no change', () => {
    expect(contract("Zbigniew's cell is +48 601 555 012").slots).toEqual({ contact: 'Zbigniew', phone: '+48 601 555 012' });
    expect(contract('is 212-555-0147 still their number?').intent).toBe('unknown');
  });

  it('reads a customer\'s new contact and a voicemail they left', () => {
    expect(contract("Orbis Ltd's new contact is Ada Lovelace, ada@orbis.io")).toEqual({
      intent: 'update_customer', slots: { customer: 'Orbis Ltd', contact: 'Ada Lovelace', email: 'ada@orbis.io' },
    });
    expect(contract('Ada from Orbis left a voicemail, call her back Monday')).toEqual({
      intent: 'log_interaction', slots: { customer: 'Orbis', contact: 'Ada', kind: 'call', dueAt: '2026-11-30T14:00:00.000Z' },
    });
  });

  it('reads a named customer\'s address as their details when nothing else is asked', () => {
    expect(contract("Orbis' Ada wants the receipts sent to ap@orbis.io from now on")).toEqual({
      intent: 'update_customer', slots: { customer: 'Orbis', contact: 'Ada', email: 'ap@orbis.io' },
    });
  });

  it('lists follow-ups asked for in one word', () => {
    expect(contract('follow-ups?').intent).toBe('list_followups');
    expect(contract('reminders').intent).toBe('list_followups');
  });
});

// More shapes from the second development split (dev2-src), checked on fresh examples.
describe('contacts and tags said in passing', () => {
  it('reads the owner or CEO named when a customer is added', () => {
    expect(contract('add Orbis Bakery as a customer, owner is Ada Lovelace, ada@orbis.io').slots).toMatchObject({ customer: 'Orbis Bakery', contact: 'Ada Lovelace' });
    expect(contract('new customer Orbis Ltd, CEO: Priya Nair').slots).toMatchObject({ customer: 'Orbis Ltd', contact: 'Priya Nair' });
  });

  it('reads "Orbis\'s Ada: address" as that contact\'s details', () => {
    expect(contract("Orbis's Ada: ada@orbis.io")).toEqual({ intent: 'update_customer', slots: { customer: 'Orbis', contact: 'Ada', email: 'ada@orbis.io' } });
    expect(contract("Orbis's renewal: 3k").intent).toBe('record_purchase');
  });

  it('reads a tag after a colon and a tag of several words before "to"', () => {
    expect(contract('tag Orbis Health: healthcare').slots).toEqual({ customer: 'Orbis Health', tag: 'healthcare' });
    expect(contract('add tag key account to Orbis Pvt Ltd').slots).toEqual({ customer: 'Orbis Pvt Ltd', tag: 'key account' });
    expect(contract('add tag vip to Orbis.').slots).toEqual({ customer: 'Orbis', tag: 'vip' });
  });

  it('does not take a form code for a customer', () => {
    expect(contract('done with the I-9')).toEqual({ intent: 'complete_followup', slots: { note: 'I-9' } });
  });

  it('ends a clause at an emoji between words', () => {
    expect(contract('zoom w/ Ada (Orbis) 👍 they will sign after the board meets').slots).toMatchObject({ contact: 'Ada', customer: 'Orbis', note: 'they will sign after the board meets' });
    expect(contract('10 🙌 great support', { as: 'customer' }).slots).toEqual({ score: 10, note: 'great support' });
  });
});

describe('reports about one customer', () => {
  it.each([
    ['CLV for Orbis Ltd?', 'clv_report', { customer: 'Orbis Ltd' }],
    ["what's the NPS for Orbis", 'nps_report', { customer: 'Orbis' }],
    ['which segment is Orbis Labs in?', 'segment_report', { customer: 'Orbis Labs' }],
    ['is Orbis at risk?', 'churn_report', { customer: 'Orbis' }],
    ['NPS for Q3', 'nps_report', {}],
    ['who is at risk?', 'churn_report', {}],
    ['top customers by lifetime value', 'clv_report', {}],
  ])('%s → %s %o', (text, intent, slots) => {
    expect(contract(text)).toEqual({ intent, slots });
  });
});

// Shapes found missing on the fourth development split (nlu-corpus/dev4-src, names), checked on fresh examples.
describe('people and businesses named in passing', () => {
  it('reads "X, Y\'s role" as a contact at a customer, known given name or not', () => {
    expect(contract("emailed Oyelaran, Orbis Rugs' buyer, contract attached").slots).toEqual({ contact: 'Oyelaran', customer: 'Orbis Rugs', kind: 'email', note: 'contract attached' });
    expect(contract("Dagrun, Orbis Labs' CTO, called, wants SSO").slots).toEqual({ contact: 'Dagrun', customer: 'Orbis Labs', kind: 'call', note: 'wants SSO' });
  });

  it('keeps an owner\'s name in a business that ends in a trade noun or legal form', () => {
    expect(contract("Oyelaran's Hair Studio paid $40").slots).toMatchObject({ customer: "Oyelaran's Hair Studio" });
    expect(contract("called Dagrun's Bistro Co, no answer").slots).toMatchObject({ customer: "Dagrun's Bistro Co", note: 'no answer' });
  });

  it('reads legal forms with dots and commas, and a sentence going on after "Co." in lower case', () => {
    expect(contract('new deal with Orbis Textiles Pvt. Ltd., 5k').slots.customer).toBe('Orbis Textiles Pvt. Ltd.');
    expect(contract('Ada Novak at Orbis Logistika d.o.o. paid €2.5k').slots).toMatchObject({ customer: 'Orbis Logistika d.o.o.', contact: 'Ada Novak' });
    expect(contract('Orbis Ceramics Co., Ltd. paid $1,150').slots.customer).toBe('Orbis Ceramics Co., Ltd.');
    expect(contract('called Orbis Print Co. on 212.555.0199, no answer').slots).toMatchObject({ customer: 'Orbis Print Co.', note: 'no answer' });
  });

  it('reads months and parts of the day inside names, and a subject with abbreviations', () => {
    expect(contract("Verde Mar Orbis's phone is +55 48 3333 1234").slots.customer).toBe('Verde Mar Orbis');
    expect(contract('met Jan Novak from Orbis').slots).toMatchObject({ contact: 'Jan Novak', customer: 'Orbis' });
    expect(contract('Mr. Ito from Orbis K.K. emailed, he wants to extend the contract')).toEqual({
      intent: 'log_interaction', slots: { contact: 'Mr. Ito', customer: 'Orbis K.K.', kind: 'email', note: 'he wants to extend the contract' },
    });
  });

  it('reads a cell number of a person with a surname, and no customer in "the HMRC bill"', () => {
    expect(contract("Ragnhild Orbisen's cell is +47 912 34 567").slots).toEqual({ contact: 'Ragnhild Orbisen', phone: '+47 912 34 567' });
    expect(contract('remind me to pay the HMRC bill tomorrow').slots).toEqual({ note: 'pay the HMRC bill', dueAt: '2026-11-25T14:00:00.000Z' });
  });

  it('reads an unknown given name before a family name as a person, and keeps "& Co" in a company', () => {
    expect(contract('remind me to send the NDA to Bongani Mensah tomorrow').slots).toMatchObject({ contact: 'Bongani Mensah' });
    expect(contract("summary for Siobhan O'Connor").slots).toEqual({ contact: "Siobhan O'Connor" });
    expect(contract('messaged Dragana Petrović, proofs look good').slots).toMatchObject({ contact: 'Dragana Petrović', note: 'proofs look good' });
    expect(contract('new customer R.K. Mehta & Co, contact Anil Mehta').slots).toMatchObject({ customer: 'R.K. Mehta & Co', contact: 'Anil Mehta' });
    expect(contract('called Riverside Hall, no answer').slots).toMatchObject({ customer: 'Riverside Hall' });
  });

  it('keeps words a legal form or a foreign connector binds into a name, and reads "18k euros" whole', () => {
    expect(contract('new customer Orbis Data sp. z o.o., contact Ada Nowak').slots).toMatchObject({ customer: 'Orbis Data sp. z o.o.', contact: 'Ada Nowak' });
    expect(contract('Café am See paid €95 for the menu kit').slots).toMatchObject({ customer: 'Café am See', note: 'menu kit' });
    expect(contract('Orbis s.r.o. renewed for 18k euros').slots).toEqual({ customer: 'Orbis s.r.o.', amount: 18000, currency: 'EUR' });
    expect(contract('Orbis Ltda. paid 4.800,00 BRL').slots.customer).toBe('Orbis Ltda.');
    expect(contract('mark the Orbis W-9 as done').slots).toEqual({ customer: 'Orbis', note: 'W-9' });
    expect(contract('Orbis Designs email: mailto:studio@orbis.co.ke').intent).toBe('update_customer');
  });
});


// Shapes found missing on the sixth and seventh development splits (small businesses, hurried chat).
describe('people and businesses of small shops and services', () => {
  it('reads a person alone in add_customer as the contact', () => {
    expect(contract('new client Nadia Okafor, nadia@okafor.me').slots).toEqual({ contact: 'Nadia Okafor', email: 'nadia@okafor.me' });
  });

  it('keeps titles of several languages and initials with the person', () => {
    expect(contract('Sra. Ibarra called, unhappy with delivery').slots).toMatchObject({ contact: 'Sra. Ibarra', kind: 'call' });
    expect(contract('Herr Lindemann emailed, wants the invoice resent').slots).toMatchObject({ contact: 'Herr Lindemann' });
    expect(contract('met Dra. Paula Quiroga at Clínica Norte').slots).toMatchObject({ contact: 'Dra. Paula Quiroga', customer: 'Clínica Norte' });
    expect(contract('called R. Okwu about the invoice').slots).toMatchObject({ contact: 'R. Okwu' });
  });

  it('pairs a person with the company after their role', () => {
    expect(contract('spoke to Ximena Ortega, head of ops at Pampa Verde').slots).toMatchObject({ contact: 'Ximena Ortega', customer: 'Pampa Verde' });
    expect(contract('met Ana Lima, CTO of Vexa, they want SSO').slots).toMatchObject({ contact: 'Ana Lima', customer: 'Vexa', note: 'they want SSO' });
  });

  it('keeps a capitalised "The", "&", "e" and an owner\'s name inside a business name', () => {
    expect(contract('emailed Luz at The Copper Spoon the menu').slots).toMatchObject({ customer: 'The Copper Spoon', contact: 'Luz' });
    expect(contract('The Acme deal is won').slots).toMatchObject({ customer: 'Acme' });
    expect(contract('Sage & Thistle reports the order arrived broken').slots).toMatchObject({ customer: 'Sage & Thistle' });
    expect(contract('met Priya & Raj from Orbis').slots).toMatchObject({ contact: 'Priya', customer: 'Orbis' });
    expect(contract('rang Studio Bruni e Figli, they want a quote').slots).toMatchObject({ customer: 'Studio Bruni e Figli' });
    expect(contract("tag Maggie's Corner wholesale").slots).toEqual({ customer: "Maggie's Corner", tag: 'wholesale' });
    expect(contract('rang Bec at Kiwi & Co Cleaning').slots).toMatchObject({ customer: 'Kiwi & Co Cleaning' });
  });

  it('reads a stage given by an arrow or a statement as a change', () => {
    expect(contract('Tui Freight → proposal')).toEqual({ intent: 'update_deal', slots: { customer: 'Tui Freight', stage: 'proposal' } });
    expect(contract('Kauri Dental -> at risk')).toEqual({ intent: 'update_customer', slots: { customer: 'Kauri Dental', stage: 'at_risk' } });
    expect(contract("Orbis Ltd is at risk, they've cancelled twice")).toMatchObject({ intent: 'update_customer', slots: { stage: 'at_risk' } });
    expect(contract('Orbis Ltd churned, they moved to a competitor')).toMatchObject({ intent: 'update_customer', slots: { stage: 'churned' } });
    expect(contract('is Orbis at risk?').intent).toBe('churn_report');
  });

  it('reads sessions, drop-ins and voicemails as interactions', () => {
    expect(contract('coaching session with Dr. Ines Vidal, she is ready to delegate').slots).toMatchObject({ contact: 'Dr. Ines Vidal', kind: 'meeting' });
    expect(contract('stopped by Kauri Dental, all good').slots).toMatchObject({ customer: 'Kauri Dental', kind: 'meeting', note: 'all good' });
    expect(contract('voicemail left for Dr. Vogel, call back next week')).toMatchObject({ intent: 'log_interaction', slots: { contact: 'Dr. Vogel', kind: 'call' } });
  });

  it("reads a new customer's person after their role", () => {
    expect(contract('Tui Bakery - new customer, manager Anna Berg').slots).toMatchObject({ customer: 'Tui Bakery', contact: 'Anna Berg' });
    expect(contract('add Quill.io as a customer, Felix Brandt is the founder').slots).toMatchObject({ customer: 'Quill.io', contact: 'Felix Brandt' });
  });

  it('reads the person spoken to at a customer, but not a name that only starts a later clause', () => {
    expect(contract('called Orbis and talked to Lena, they want a discount').slots).toMatchObject({ customer: 'Orbis', contact: 'Lena' });
    expect(contract('called Kuara Sistemas, their CTO Joana Ribeiro says budget is approved').slots).toMatchObject({ contact: 'Joana Ribeiro' });
    expect(contract('call with Orbis, Lena wants a new draft').slots.contact).toBeUndefined();
    expect(contract('called Tasha, she wants a refund').slots).toMatchObject({ contact: 'Tasha' });
    expect(contract('called Zentrik, they want a refund').slots).toMatchObject({ customer: 'Zentrik' });
  });

  it('reads households, "AI" companies, "(Pty) Ltd" and a family name after "from" as written', () => {
    expect(contract("visited the Nowickis, the boiler's leaking").slots).toMatchObject({ contact: 'Nowickis', kind: 'meeting' });
    expect(contract('remind me to send the Orbis renewal quote').slots).toMatchObject({ customer: 'Orbis' });
    expect(contract('zephyr ai reports webhook retries fail').slots).toMatchObject({ customer: 'zephyr ai' });
    expect(contract('add Ubuntu Ledger (Pty) Ltd as a customer').slots).toEqual({ customer: 'Ubuntu Ledger (Pty) Ltd' });
    expect(contract('Giulia @Fratelli Conti whatsapp: they want Italian invoices').slots).toMatchObject({ customer: 'Fratelli Conti', contact: 'Giulia' });
    expect(contract('Mr. Arjun Mehta, Zestline Foods\' MD, called, wants a bigger order').slots).toMatchObject({ contact: 'Mr. Arjun Mehta', customer: 'Zestline Foods', kind: 'call' });
  });

  it("reads a customer's new contact and a saved number as a change", () => {
    expect(contract("Orbis's new contact: Priya Nair, priya@orbis.io")).toEqual({
      intent: 'update_customer', slots: { customer: 'Orbis', contact: 'Priya Nair', email: 'priya@orbis.io' },
    });
    expect(contract("save Priya's cell +1 415 555 0100")).toEqual({ intent: 'update_customer', slots: { contact: 'Priya', phone: '+1 415 555 0100' } });
  });

  it('reads shorthand for to-dos, summaries, won deals and e-mails', () => {
    expect(contract('todos today?').intent).toBe('list_followups');
    expect(contract("get me Kauri Dental's summary")).toEqual({ intent: 'customer_summary', slots: { customer: 'Kauri Dental' } });
    expect(contract('Kauri Dental - closed won!!')).toEqual({ intent: 'update_deal', slots: { customer: 'Kauri Dental', stage: 'won' } });
    expect(contract('rmd me tomorrow: send Orbis the scope').intent).toBe('create_followup');
    expect(contract('got a mail from Priya (priya@orbis.io), Orbis wants to renew')).toMatchObject({ intent: 'log_interaction', slots: { kind: 'email', contact: 'Priya' } });
    expect(contract('remind me next month to send W-9s to Kauri Dental').slots).toMatchObject({ customer: 'Kauri Dental', note: 'send W-9s' });
    expect(contract('met the Sunset Ridge HOA board').slots).toMatchObject({ customer: 'Sunset Ridge HOA' });
  });

  it('reads chat shorthand: "/help", "r", households doing well, lapsed buyers, a colon before a new contact', () => {
    expect(contract('/help').intent).toBe('help');
    expect(contract('who r my customers').intent).toBe('list_customers');
    expect(contract('Orbis s.r.o. renewed for 2k euros').slots).toMatchObject({ customer: 'Orbis s.r.o.' });
    expect(contract('how are the Okonkwos doing?')).toEqual({ intent: 'customer_summary', slots: { contact: 'Okonkwos' } });
    expect(contract("who hasn't ordered in a while?").intent).toBe('churn_report');
    expect(contract('Sage & Thistle: new contact Joanna Wiśniewska, joanna@sage.shop')).toEqual({
      intent: 'update_customer', slots: { customer: 'Sage & Thistle', contact: 'Joanna Wiśniewska', email: 'joanna@sage.shop' },
    });
  });

  it('reads a person listed among the details or in brackets after the address reached', () => {
    expect(contract('new customer Kauri Dental, priya@kauri.nz, Priya Nair').slots).toMatchObject({ customer: 'Kauri Dental', contact: 'Priya Nair' });
    expect(contract('emailed priya@kauri.nz (Priya at Kauri Dental) the contract').slots).toMatchObject({ customer: 'Kauri Dental', contact: 'Priya' });
    expect(contract('update Kauri Dental: contact Priya Nair, priya@kauri.nz')).toEqual({
      intent: 'update_customer', slots: { customer: 'Kauri Dental', contact: 'Priya Nair', email: 'priya@kauri.nz' },
    });
  });

  it('knows given names of many countries that are no English words', () => {
    for (const name of ['Margot', 'Tasha', 'Franziska', 'Vignesh', 'Somsak', 'Amandeep']) {
      expect(contract(`called ${name}, wants a quote`).slots, name).toMatchObject({ contact: name });
    }
  });

  it('reads who got in touch when their address, number or role is written with them', () => {
    expect(contract('call w/ Ines Vidal (Kauri CTO), wants SSO').slots).toMatchObject({ contact: 'Ines Vidal', customer: 'Kauri' });
    expect(contract('email from ines@kauri.nz (Ines Vidal, Kauri): contract signed').slots).toMatchObject({ contact: 'Ines Vidal', customer: 'Kauri', note: 'contract signed' });
    expect(contract('inbound call from Ines Vidal, +1 415 555 0100, asked about pricing')).toMatchObject({ intent: 'log_interaction', slots: { contact: 'Ines Vidal', kind: 'call' } });
    expect(contract('met with Ines Vidal, CFO, Kauri Dental').slots).toMatchObject({ contact: 'Ines Vidal', customer: 'Kauri Dental' });
    expect(contract('Ines Vidal from Kauri Dental, +1 415 555 0100, called about the invoice').intent).toBe('log_interaction');
  });

  it("reads the operator's own next step with a time as the follow-up, and their plans as the note", () => {
    expect(contract('zoom with Kauri Dental, they want online booking, send quote Tuesday').slots).toMatchObject({
      note: 'they want online booking', dueAt: '2026-12-01T14:00:00.000Z',
    });
    expect(contract('lunch w/ Minji @ Hanok Digital - wants SSO, fu in 2 wks').slots).toMatchObject({ note: 'wants SSO', dueAt: '2026-12-08T14:00:00.000Z' });
    expect(contract('called Orbis, she will send the contract Friday').slots).toEqual({ customer: 'Orbis', kind: 'call', note: 'she will send the contract Friday' });
  });

  it('reads an amount received from someone as a payment', () => {
    expect(contract('Rs 45,000 received from Dr. Meenakshi Rao for the clinic website')).toEqual({
      intent: 'record_purchase', slots: { contact: 'Dr. Meenakshi Rao', amount: 45000, currency: 'INR', note: 'clinic website' },
    });
    expect(contract("Mick's Mobile Mechanics paid A$ 640 for the logo refresh").intent).toBe('record_purchase');
  });

  it('reads a deal name listed in any order, a titled name of four words, and "un 9"', () => {
    expect(contract('new deal Tui Outdoor, 40k AUD, website rebuild, qualified').slots).toMatchObject({ note: 'website rebuild', stage: 'qualified' });
    expect(contract('potential deal with Orbis, about 50k').slots.note).toBeUndefined();
    expect(contract("Sr. Álvaro Ruiz de la Fuente, Grupo Aldaba's CEO, emailed, wants a quote").slots).toMatchObject({
      contact: 'Sr. Álvaro Ruiz de la Fuente', customer: 'Grupo Aldaba', kind: 'email',
    });
    expect(contract('un 9, muy profesionales', { as: 'customer' })).toEqual({ intent: 'nps_reply', slots: { score: 9, note: 'muy profesionales' } });
  });

  it("reads 'contact is X', 'X's buyer is Y, <address>' and 'abt'", () => {
    expect(contract('new client: Bloom (florist in Hackney), contact is Niamh Doyle').slots).toMatchObject({ customer: 'Bloom', contact: 'Niamh Doyle' });
    expect(contract("Kauri Dental's buyer is Luz Herrera, luz@kauri.nz")).toEqual({
      intent: 'update_customer', slots: { customer: 'Kauri Dental', contact: 'Luz Herrera', email: 'luz@kauri.nz' },
    });
    expect(contract("Orbis's owner is away").intent).toBe('unknown');
    expect(contract('tell me abt Orbis')).toEqual({ intent: 'customer_summary', slots: { customer: 'Orbis' } });
  });

  it('reads export and supply businesses, two-word roles, "sir" after a name and the owner of a ticket', () => {
    expect(contract('remind me Jan 5 to renew the Tanvi Exports SSL certificate').slots).toMatchObject({ customer: 'Tanvi Exports' });
    expect(contract("met Mei Lin Zhou, Wollemi Outdoor's marketing lead, they want a proposal").slots).toMatchObject({
      contact: 'Mei Lin Zhou', customer: 'Wollemi Outdoor', note: 'they want a proposal',
    });
    expect(contract('spoke to Anil sir from Bharat Castings, he will share the PO').slots).toMatchObject({ contact: 'Anil sir', customer: 'Bharat Castings' });
    expect(contract('close the umlaut ticket for Lumen Diagnostik')).toEqual({ intent: 'close_ticket', slots: { customer: 'Lumen Diagnostik', note: 'umlaut' } });
  });

  it('reads contacts added to customers and person-customers spelled by their own address', () => {
    expect(contract('add Priyanka Shetty to Pellucid Labs, priyanka@pellucid.io')).toEqual({
      intent: 'update_customer', slots: { customer: 'Pellucid Labs', contact: 'Priyanka Shetty', email: 'priyanka@pellucid.io' },
    });
    expect(contract('new client: Rangi Parata <rangi.parata@gmail.com>').slots).toEqual({ contact: 'Rangi Parata', email: 'rangi.parata@gmail.com' });
    expect(contract('new lead: Farouk Electronics, farouk.e@gmail.com').slots).toMatchObject({ customer: 'Farouk Electronics' });
    expect(contract('add Lumière SAS as a customer - Camille Lefèvre <c.lefevre@lumiere.fr>').slots).toMatchObject({ customer: 'Lumière SAS', contact: 'Camille Lefèvre' });
    expect(contract('new client Siosaia Tupou (owner, Tupou Electrical) siosaia@tupou.au').slots).toMatchObject({ customer: 'Tupou Electrical', contact: 'Siosaia Tupou' });
    expect(contract('add Ironbark Civil (Brisbane) as a customer, their PM is Dean Whitlock').slots).toMatchObject({ customer: 'Ironbark Civil', contact: 'Dean Whitlock' });
    expect(contract('new customer Huber Bau GmbH & Co. KG, contact Herr Florian Huber').slots).toMatchObject({ customer: 'Huber Bau GmbH & Co. KG' });
    expect(contract('add Sunday Social Club as a customer').slots).toEqual({ customer: 'Sunday Social Club' });
  });

  it('reads summaries and chases asked in other words', () => {
    for (const text of ['anything new from Kenji Watanabe?', 'whats the latest w/ Orbis', 'status Kaiser AG', 'remind me who Dean Whitlock is', "how's Zofia doing, haven't heard from her in a while"]) {
      expect(contract(text).intent, text).toBe('customer_summary');
    }
    expect(contract('need to chase Kauri Dental for the final payment in 2 weeks')).toMatchObject({
      intent: 'create_followup', slots: { customer: 'Kauri Dental', note: 'chase for the final payment' },
    });
  });

  it('reads a customer named alone before an interaction told on its own', () => {
    expect(contract('Aegean Grill: Stavros called, wants to add a catering menu').slots).toEqual({
      customer: 'Aegean Grill', contact: 'Stavros', kind: 'call', note: 'wants to add a catering menu',
    });
    expect(contract('Tinderbox Coffee - quick call w/ Marisol, she wants the cups printed by april').slots).toMatchObject({
      customer: 'Tinderbox Coffee', contact: 'Marisol', kind: 'call',
    });
    expect(contract('Orbis: discussed pricing').intent).toBe('unknown');
  });

  it('reads an interaction headed by its kind and a separator, and calls on other apps', () => {
    expect(contract('email — Beatriz Souza, Souza Arquitetura: loves the stationery').slots).toEqual({
      customer: 'Souza Arquitetura', contact: 'Beatriz Souza', kind: 'email', note: 'loves the stationery',
    });
    expect(contract('msg from Feldman Dental: they want appointment cards too').slots).toMatchObject({ customer: 'Feldman Dental', kind: 'message' });
    expect(contract('whatsapp call with Kavya, she wants Swiggy integration').slots).toMatchObject({ contact: 'Kavya', kind: 'call' });
    expect(contract('facetime w/ Orbis, they loved the teaser').slots).toMatchObject({ customer: 'Orbis', kind: 'meeting' });
    expect(contract('email templates are broken').intent).toBe('unknown');
  });

  it("reads a person named by their role at a customer, in any of the usual shapes", () => {
    expect(contract('Called Greenleaf, spoke to the principal, Dr Yvonne Achebe; contract signed').slots).toMatchObject({ customer: 'Greenleaf', contact: 'Dr Yvonne Achebe' });
    expect(contract("msg from Feldman Dental's office manager Trish: they want appointment cards").slots).toMatchObject({ customer: 'Feldman Dental', contact: 'Trish' });
    expect(contract("call with Northgate Academy's bursar, Mrs Adaeze Okafor. budget frozen").slots).toMatchObject({ customer: 'Northgate Academy', contact: 'Mrs Adaeze Okafor' });
    expect(contract('Call — Jarrah Constructions (Ben Tran, site super): needs the turf laid').slots).toMatchObject({ customer: 'Jarrah Constructions', contact: 'Ben Tran' });
    expect(contract('lunch w/ Rangi Te Whata, Te Whata Whānau Trust, about the garden').slots).toMatchObject({ customer: 'Te Whata Whānau Trust', contact: 'Rangi Te Whata' });
    expect(contract('Met w/ Pastor Dale Whitaker from Grace Fellowship').slots).toMatchObject({ customer: 'Grace Fellowship', contact: 'Pastor Dale Whitaker' });
    expect(contract("called Orbis's support line").slots).toEqual({ customer: 'Orbis', kind: 'call' });
  });

  it('reads the topic of an interaction, said in its own clause, as the note', () => {
    expect(contract('texted Sione re: mulch delivery, he is sorting it').slots).toMatchObject({ contact: 'Sione', note: 'mulch delivery, he is sorting it' });
    expect(contract('emailed Bob @ Orbis re the contract, follow up Friday').slots).toMatchObject({ note: 'the contract', dueAt: '2026-11-27T14:00:00.000Z' });
    expect(contract('called Orbis, worried about pricing').slots).toMatchObject({ note: 'worried about pricing' });
  });

  it('reads what happened first and the interaction with whom after it', () => {
    expect(contract('renewal confirmed for another year – call with Meera, Bodhi Health').slots).toEqual({
      customer: 'Bodhi Health', contact: 'Meera', kind: 'call', note: 'renewal confirmed for another year',
    });
    expect(contract('quote accepted 🎉 call from Pam @ Oakridge').slots).toMatchObject({ customer: 'Oakridge', contact: 'Pam', note: 'quote accepted' });
    expect(contract('the weather is nice, met my mom').intent).toBe('unknown');
  });

  it("reads 'Company / Person', a company and place in brackets, a person's colleague and 'the owner X'", () => {
    expect(contract('Call: Thistle & Crown / Edmund Hale. PO raised').slots).toMatchObject({ customer: 'Thistle & Crown', contact: 'Edmund Hale' });
    expect(contract('called Orbis / Globex').slots).toEqual({ customer: 'Orbis', kind: 'call' });
    expect(contract('called Ani Petrosyan (Ararat Bakery, Glendale) no answer').slots).toMatchObject({ customer: 'Ararat Bakery', contact: 'Ani Petrosyan' });
    expect(contract("Jane's assistant called").slots).toMatchObject({ contact: 'Jane', kind: 'call' });
    expect(contract('rang Harvest Hill Organics, the owner Bridget wants native plantings').slots).toMatchObject({ customer: 'Harvest Hill Organics', contact: 'Bridget' });
    expect(contract('Telefonat mit Herrn Bauer (Bauer & Söhne KG): wants samples').slots).toMatchObject({ customer: 'Bauer & Söhne KG', contact: 'Herrn Bauer', kind: 'call' });
  });

  it("reads a person's changed details by their own address or by 'her/his'", () => {
    expect(contract("Hattie Lane's email bounced, use hattie.lane@bramble.studio instead").slots).toEqual({ contact: 'Hattie Lane', email: 'hattie.lane@bramble.studio' });
    expect(contract('Teodora changed her number: +1 347 555 0126').slots).toEqual({ contact: 'Teodora', phone: '+1 347 555 0126' });
    expect(contract('Orbis changed their number: 555 0100').slots).toEqual({ customer: 'Orbis', phone: '555 0100' });
    expect(contract('new lead: Bramble Studio, Hattie Lane, hattie@bramble.studio').slots).toMatchObject({ customer: 'Bramble Studio', contact: 'Hattie Lane' });
  });

  it('reads households before a preposition, and no company in "at the <place>"', () => {
    expect(contract('left vm for the Hendersons re: the garage sale flyers').slots).toMatchObject({ contact: 'Hendersons', kind: 'call' });
    expect(contract('Met the Schmidts at the market stall').slots).toEqual({ contact: 'Schmidts', kind: 'meeting' });
    expect(contract('remind me to send the Orbis renewal quote').slots).toMatchObject({ customer: 'Orbis' });
  });

  it('reads the first of the people listed after a customer as the contact, but not a later subject', () => {
    expect(contract('call with Zaitoon — Farhan + his brother Imran — menu app v2 signed off').slots).toMatchObject({ customer: 'Zaitoon', contact: 'Farhan' });
    expect(contract('met Orbis, Lena and Tom were there').slots).toMatchObject({ customer: 'Orbis', contact: 'Lena' });
    expect(contract('call with Orbis, Lena wants a new draft').slots.contact).toBeUndefined();
  });

  it('reads a forwarded e-mail or text by its signature: the sender, their company and number, the body as the note', () => {
    expect(contract('fw: pls share the APK by thursday\n\nRegards,\nAparna Das\nProject Manager, Saffronbyte Technologies Pvt Ltd\n+91 80 4123 5566')).toEqual({
      intent: 'log_interaction',
      slots: { contact: 'Aparna Das', customer: 'Saffronbyte Technologies Pvt Ltd', kind: 'email', phone: '+91 80 4123 5566', note: 'pls share the APK by thursday' },
    });
    expect(contract('fwd sms:\nrunning late, there by 10\n— Tevita Fifita, 0491 570 133').slots).toMatchObject({ contact: 'Tevita Fifita', kind: 'message', note: 'running late, there by 10' });
    expect(contract('fwd:\nHi Sam,\nthe invoice is paid\nThanks,\nLena Berg\nOrbis GmbH').slots).toMatchObject({ contact: 'Lena Berg', customer: 'Orbis GmbH', note: 'the invoice is paid' });
    expect(contract('fwd: Orbis paid $500 for the plan').intent).toBe('record_purchase');
  });

  it('reads a time word or a comma between the kind and the name', () => {
    expect(contract('meeting today — Carla Mendes & Joe Pratt of Greenleaf Montessori. they want the rebrand').slots).toMatchObject({
      contact: 'Carla Mendes', customer: 'Greenleaf Montessori', note: 'they want the rebrand',
    });
    expect(contract('quick call, Hal from Brody & Sons: the permit came through').slots).toMatchObject({ contact: 'Hal', customer: 'Brody & Sons' });
  });

  it('reads whoever was spoken to as a person, known given name or not, but no acronym', () => {
    expect(contract('Called Wattle & Gum Café, spoke to the manager Hoa — they want fortnightly visits').slots).toMatchObject({ customer: 'Wattle & Gum Café', contact: 'Hoa' });
    expect(contract('called Cloudkraft, Ankit Jain is away, spoke to their PM Divya').slots).toMatchObject({ customer: 'Cloudkraft', contact: 'Divya' });
    expect(contract('called Orbis, spoke to IBM').slots.contact).toBeUndefined();
    expect(contract('facetime w/ the Delgados — family reunion video').slots).toMatchObject({ contact: 'Delgados' });
    expect(contract('met the Sunset Ridge HOA board').slots).toMatchObject({ customer: 'Sunset Ridge HOA' });
  });
  it('reads a person reached through another anywhere in a log, a role in capitals, people joined by "+", and the subject of an fyi', () => {
    expect(contract('rang Orbis Freight - Marta\'s assistant Joana answered, the invoice is lost').slots).toMatchObject({ customer: 'Orbis Freight', contact: 'Joana' });
    expect(contract('zoom with Kettle Labs\' CTO, Aiko Mori — the API is ready').slots).toMatchObject({ customer: 'Kettle Labs', contact: 'Aiko Mori', note: 'the API is ready' });
    expect(contract('lunch with Ravi + Tom from Orbis: they renew').slots).toMatchObject({ customer: 'Orbis', contact: 'Ravi', note: 'they renew' });
    expect(contract('fyi Orbis - their CEO Lena Berg retires in March').slots).toMatchObject({ customer: 'Orbis', contact: 'Lena Berg' });
    expect(contract('fyi Orbis: new PoC is Lena Berg').slots.contact).toBeUndefined();
    expect(contract('emailed Orbis, new contact is Lena (lena@orbis.io)').slots.note).toBe('new contact is Lena (lena@orbis.io)');
  });
  it('reads "gave X a call", a channel before the kind, a site visit, and a message signed with who and which customer', () => {
    expect(contract('gave Ms. Ivy Ong (Ong Dental) a ring, she wants a new logo').slots).toMatchObject({ contact: 'Ms. Ivy Ong', customer: 'Ong Dental', kind: 'call', note: 'she wants a new logo' });
    expect(contract('Instagram DM from Lena at Orbis: loves the mockups').slots).toMatchObject({ contact: 'Lena', customer: 'Orbis', kind: 'message', note: 'loves the mockups' });
    expect(contract('site visit to Orbis Freight, the depot needs new signage').slots).toMatchObject({ customer: 'Orbis Freight', kind: 'meeting' });
    expect(contract('gave the keys to Orbis').intent).toBe('unknown');
    expect(contract('quick call earlier, they sign on Monday — Lena Berg, Orbis Freight').slots).toMatchObject({
      contact: 'Lena Berg', customer: 'Orbis Freight', kind: 'call', note: 'they sign on Monday',
    });
    expect(contract('the weather is lovely — Lena Berg, Orbis Freight').intent).toBe('unknown');
  });
  it('reads "google meet" as a meeting and trade nouns of other languages as a business', () => {
    expect(contract('google meet w/ Lena from Orbis, they approved the quote').slots).toMatchObject({ contact: 'Lena', customer: 'Orbis', kind: 'meeting' });
    expect(contract('tag Ana Souza Fotografia vip').slots).toEqual({ customer: 'Ana Souza Fotografia', tag: 'vip' });
    expect(contract('Lucía Gómez Abogados paid €900 for the audit').slots).toMatchObject({ customer: 'Lucía Gómez Abogados' });
  });
  it('reads a name right after a person\'s role as a person, known given name or not', () => {
    expect(contract('cafe owner Tavita texted, the espresso machine is fixed').slots).toMatchObject({ contact: 'Tavita', kind: 'message' });
    expect(contract('called the owner Bright Smiles Dental').slots).toMatchObject({ customer: 'Bright Smiles Dental' });
  });
  it('knows the given and family names of many countries, but not in an acronym or a business\'s name', () => {
    expect(contract('emailed Wiebke about the late invoice').slots).toMatchObject({ contact: 'Wiebke', kind: 'email' });
    expect(contract('called Radka Klimek, she wants the pro plan').slots).toMatchObject({ contact: 'Radka Klimek' });
    expect(contract('new client Jolanda Hudak').slots).toEqual({ contact: 'Jolanda Hudak' });
    expect(contract('remind me next month to renew the ICO registration').slots.contact).toBeUndefined();
    expect(contract('close Kanzlei Brandt\'s onboarding ticket').slots).toMatchObject({ customer: 'Kanzlei Brandt' });
    expect(contract('Farouk Electronics paid $400').slots).toMatchObject({ customer: 'Farouk Electronics' });
    expect(contract('summary Chai Point Collective').slots).toEqual({ customer: 'Chai Point Collective' });
  });
  it('reads a job title after a person as a title, not a company, and "Express" as a business word', () => {
    expect(contract('new customer Brightwater GmbH, Karin Vogt, Head of Operations').slots).toEqual({ customer: 'Brightwater GmbH', contact: 'Karin Vogt' });
    expect(contract('new client: Tomasz Nowak, Leitung Einkauf').slots).toEqual({ contact: 'Tomasz Nowak' });
    expect(contract('met Jane Doe, Orbis Freight, they want a demo').slots).toMatchObject({ customer: 'Orbis Freight', contact: 'Jane Doe' });
    expect(contract('summary Kiran Express').slots).toEqual({ customer: 'Kiran Express' });
  });
  it('reads the plural of a known family name as a household without "the"', () => {
    expect(contract('Hendersons paid $300 for the deck').slots).toMatchObject({ contact: 'Hendersons', amount: 300 });
    expect(contract('Adams Electric paid $200').slots).toMatchObject({ customer: 'Adams Electric' });
  });
  it('reads a known family name before given names as a person ("Tanaka Hiroshi")', () => {
    expect(contract('follow up with Tanaka Hiroshi on Friday about the quote').slots).toMatchObject({ contact: 'Tanaka Hiroshi' });
    expect(contract('emailed Lim Wei Jie, sent the contract').slots).toMatchObject({ contact: 'Lim Wei Jie' });
  });
  it('knows each part of a Vietnamese given name', () => {
    expect(contract('texted Huyen, she confirmed the booking').slots).toMatchObject({ contact: 'Huyen', kind: 'message' });
  });
  it('skips a person\'s role before their name when a new customer is added', () => {
    expect(contract('purchasing manager Dana Whitlock from Orbis Freight, dana@orbisfreight.com, new customer').slots).toEqual({
      customer: 'Orbis Freight', contact: 'Dana Whitlock', email: 'dana@orbisfreight.com',
    });
  });
  it('reads the person met at a customer, named right after it, and more legal forms', () => {
    expect(contract('lunch at Orbis Freight w/ Jana Novak, they want a retainer').slots).toMatchObject({ customer: 'Orbis Freight', contact: 'Jana Novak', kind: 'meeting' });
    expect(contract('call with Orbis with Hooli, merger talk').slots.contact).toBeUndefined();
    expect(contract('email: Berger Bau OHG / Lukas – contract draft sent').slots).toMatchObject({ customer: 'Berger Bau OHG', contact: 'Lukas' });
  });
  it('reads a role at the customer, then the person, right after the customer', () => {
    expect(contract('email from the Orbis office manager, Dana Whitlock, invoices are late').slots).toMatchObject({
      customer: 'Orbis', contact: 'Dana Whitlock', kind: 'email', note: 'invoices are late',
    });
  });
  it('reads a role of digits and capitals before the person spoken to ("his 2IC Deepa")', () => {
    expect(contract('rang Orbis Freight, Marta is away, spoke to her 2IC Ravi instead').slots).toMatchObject({ customer: 'Orbis Freight', contact: 'Ravi' });
  });
  it('skips spoken fillers before a logged interaction', () => {
    expect(contract('um so i called jana novak at orbis freight and she said they renew').slots).toMatchObject({ customer: 'orbis freight', contact: 'jana novak', kind: 'call' });
    expect(contract('ok, so we met Lena from Orbis, they renew').slots).toMatchObject({ customer: 'Orbis', contact: 'Lena', kind: 'meeting' });
  });
  it('reads an e-mail quoted with its "… wrote:" line', () => {
    expect(contract('fwd: Orbis Freight GmbH - Jana Novak wrote: we take the big plan, pls send the contract').slots).toEqual({
      customer: 'Orbis Freight GmbH', contact: 'Jana Novak', kind: 'email', note: 'we take the big plan, pls send the contract',
    });
    expect(contract('On Tue, 3 Mar, Lena Berg <lena@orbis.io> wrote: see you Friday').slots).toEqual({
      contact: 'Lena Berg', email: 'lena@orbis.io', kind: 'email', note: 'see you Friday',
    });
    expect(contract('she wrote: thanks').intent).toBe('unknown');
  });
  it('reads a customer\'s new name in several wordings, and leaves other news alone', () => {
    expect(command('rename Orbis to Orbis Freight')).toMatchObject({ intent: 'update_customer', customer: 'Orbis', rename: 'Orbis Freight' });
    expect(command('Orbis Ltd changed their name to Orbis Group Ltd')).toMatchObject({ customer: 'Orbis Ltd', rename: 'Orbis Group Ltd' });
    expect(command('change the name of Orbis to Orbis Co.')).toMatchObject({ customer: 'Orbis', rename: 'Orbis Co.' });
    expect(command('orbis is now Orbis Freight GmbH')).toMatchObject({ customer: 'orbis', rename: 'Orbis Freight GmbH' });
    expect(command('Lena at Orbis: her email is now lena.b@orbis.io')).not.toHaveProperty('rename');
    expect(command('Jana is now CTO at Orbis')).not.toHaveProperty('rename');
  });
  it('keeps honorifics of many languages with the person, before or after the name', () => {
    expect(contract('tell me about Chief Okafor').slots).toEqual({ contact: 'Chief Okafor' });
    expect(contract('Verma ji called, wants two more logins').slots).toMatchObject({ contact: 'Verma ji', kind: 'call' });
    expect(contract('Rao uncle paid 5,000 rs').slots).toMatchObject({ contact: 'Rao uncle', amount: 5000 });
    expect(contract('summary Tanaka-san').slots).toEqual({ contact: 'Tanaka-san' });
    expect(contract('emailed Ibu Sari at Garuda Scaffolding about the invoice').slots).toMatchObject({ contact: 'Ibu Sari', customer: 'Garuda Scaffolding' });
  });
  it('reads trade nouns with or without accents and legal forms of more countries', () => {
    expect(contract('Sofía Ruiz Fotografía paid 600 EUR').slots).toMatchObject({ customer: 'Sofía Ruiz Fotografía' });
    expect(contract('how is Kofi Boateng Tailoring doing').slots).toEqual({ customer: 'Kofi Boateng Tailoring' });
    expect(contract('tag Caspian Carpets MMC as export').slots).toEqual({ customer: 'Caspian Carpets MMC', tag: 'export' });
    expect(contract('Ali from Gulf Spice Trading FZE called, wants a quote').slots).toMatchObject({ customer: 'Gulf Spice Trading FZE', contact: 'Ali' });
    expect(contract('summary Demir Tekstil Ltd. Şti.').slots).toEqual({ customer: 'Demir Tekstil Ltd. Şti.' });
  });
  it('reads chats, Telegram messages and follow-ups as logged, and a family name spoken to as a person', () => {
    expect(contract('chat with Ravi from Orbis Freight, their login is locked').slots).toMatchObject({ customer: 'Orbis Freight', contact: 'Ravi', kind: 'message' });
    expect(contract('tg from Lena: pls add prices in CHF').slots).toMatchObject({ contact: 'Lena', kind: 'message', note: 'pls add prices in CHF' });
    expect(contract('followed up with Lena by email, she is ok with the price').slots).toMatchObject({ contact: 'Lena', kind: 'email' });
    expect(contract('spoke to Nwosu about the renewal').slots).toMatchObject({ contact: 'Nwosu', kind: 'call' });
    expect(contract('talked to Orbis on the phone, all fine').slots).toMatchObject({ customer: 'Orbis' });
    expect(contract('remind me to call the Haddads monday').slots).toMatchObject({ contact: 'Haddads' });
  });
  it('reads more ways of asking and telling (blind dev10 split)', () => {
    expect(contract('fu with the Haddads friday re the quote')).toMatchObject({ intent: 'create_followup', slots: { contact: 'Haddads', note: 'fu re the quote' } });
    expect(contract('who might cancel on me').intent).toBe('churn_report');
    expect(contract('Orbis moved to negotiation, they want it cheaper').slots).toMatchObject({ customer: 'Orbis', stage: 'negotiation' });
    expect(contract('Lena from Orbis came by the office, wants 2 more logins').slots).toMatchObject({ customer: 'Orbis', contact: 'Lena', kind: 'meeting' });
    expect(contract('list export customers')).toEqual({ intent: 'list_customers', slots: { tag: 'export' } });
    expect(contract('export customers').intent).toBe('export');
    expect(contract('summary: ravi')).toEqual({ intent: 'customer_summary', slots: { contact: 'ravi' } });
    expect(contract("what's pending today").intent).toBe('list_followups');
    expect(contract("what's up with green door studio")).toEqual({ intent: 'customer_summary', slots: { customer: 'green door studio' } });
  });
  it('reads two people named alone as one party, and two people at a business as their first', () => {
    expect(contract('Gary and Lou paid £90 for September').slots).toMatchObject({ contact: 'Gary and Lou', amount: 90 });
    expect(contract('Mr and Mrs Tanaka emailed, they want the old cabinet kept').slots).toMatchObject({ contact: 'Mr and Mrs Tanaka', kind: 'email' });
    expect(contract('Sam & Georgie paid A$1,150 for the couples block').slots).toMatchObject({ contact: 'Sam & Georgie' });
    expect(contract('met Priya and Raj from Orbis').slots).toMatchObject({ customer: 'Orbis', contact: 'Priya' });
    expect(contract('video call: Orbis (Lena + Dr. Ravi Rao) — pilot agreed').slots).toMatchObject({ customer: 'Orbis', contact: 'Lena' });
    expect(contract('Pepper & Pine paid $300').slots).toMatchObject({ customer: 'Pepper & Pine' });
  });
  it('reads trades and titles of Polish, Vietnamese and Nigerian speakers, and family firms (blind dev11 split)', () => {
    expect(contract('visited Apteka Kowalczyk, replaced the router').slots).toMatchObject({ customer: 'Apteka Kowalczyk', kind: 'meeting' });
    expect(contract('Nowak i Synowie renewed for 800 zł').slots).toMatchObject({ customer: 'Nowak i Synowie', amount: 800, currency: 'PLN' });
    expect(contract('how is Okafor and Sons doing?').slots).toEqual({ customer: 'Okafor and Sons' });
    expect(contract('follow up with Pani Zofia about the toner on Monday').slots).toMatchObject({ contact: 'Pani Zofia' });
    expect(contract('met chị Mai at her apartment, she wants the kitchen redone').slots).toMatchObject({ contact: 'chị Mai' });
    expect(contract('emailed Engr. Tunde Bakare re the tax credit notes').slots).toMatchObject({ contact: 'Engr. Tunde Bakare' });
  });
  it('reads payments by app or transfer, FaceTime and Zalo, and "what have I got"', () => {
    expect(contract('$95 venmo from Tom and Priya for the bath')).toMatchObject({ intent: 'record_purchase', slots: { contact: 'Tom and Priya', amount: 95 } });
    expect(contract('£140 bank transfer from the Haddads, 4 lessons')).toMatchObject({ intent: 'record_purchase', slots: { contact: 'Haddads', amount: 140 } });
    expect(contract('FaceTimed Dr Rao re her plan').slots).toMatchObject({ contact: 'Dr Rao', kind: 'meeting' });
    expect(contract('zalo with the Nguyens, they like option B').slots).toMatchObject({ contact: 'Nguyens', kind: 'message' });
    expect(contract('what have I got tomorrow').intent).toBe('list_followups');
    expect(contract('Dou 10! As fotos ficaram lindas', { as: 'customer' }).slots).toEqual({ score: 10, note: 'As fotos ficaram lindas' });
  });
  it('finds the follow-up in dictation that runs on without commas, and the operator\'s own next steps', () => {
    const slots = contract('called mrs garza she said the dog hates clippers so scissors only follow up tomorrow afternoon').slots;
    expect(slots).toMatchObject({ contact: 'mrs garza', note: 'she said the dog hates clippers so scissors only' });
    expect(slots.dueAt).toBeDefined();
    expect(contract('emailed Orbis re the contract, they want a quote, send it Friday').slots).toMatchObject({ note: 'the contract, they want a quote', dueAt: '2026-11-27T14:00:00.000Z' });
    expect(contract('visited Orbis, they want a group rate, call Lena back next week').slots).toMatchObject({ note: 'they want a group rate', dueAt: '2026-11-30T14:00:00.000Z' });
    expect(contract('chatted with Lena at Orbis, she\'ll send the PO tuesday').slots.dueAt).toBeUndefined();
  });
  it('reads "fwd from X: …" as an incoming e-mail and "the X family" as a household', () => {
    expect(contract('fwd from Omar Haddad (Cedar Trading LLC): "pls share the VAT file"').slots).toEqual({
      customer: 'Cedar Trading LLC', contact: 'Omar Haddad', kind: 'email', note: 'pls share the VAT file',
    });
    expect(contract('met the Okafor family, they want a bigger kitchen').slots).toMatchObject({ contact: 'Okafor family', kind: 'meeting' });
    expect(contract('Fwd from Teams: "called Orbis, they want a quote"').slots).toMatchObject({ customer: 'Orbis', kind: 'call' });
  });
  it('pairs a person with the business after a slash or an owner\'s business after a dash, and knows CIC', () => {
    expect(contract('Zoom: Jana Novak / Orbis Freight — demo went well').slots).toMatchObject({ contact: 'Jana Novak', customer: 'Orbis Freight', note: 'demo went well' });
    expect(contract("phone call from Rosa Lima — Rosa's Bakery, wants a quote").slots).toMatchObject({ contact: 'Rosa Lima', customer: "Rosa's Bakery" });
    expect(contract('met Rory Quinn, Oakfield CIC, at their office').slots).toMatchObject({ contact: 'Rory Quinn', customer: 'Oakfield CIC' });
  });
  it('reads a customer named first, then what to do: mark a stage, a summary, an order, a ticket to close', () => {
    expect(contract('Harbor Yoga - mark at risk, two late payments')).toEqual({ intent: 'update_customer', slots: { customer: 'Harbor Yoga', stage: 'at_risk' } });
    expect(contract('maple, summary pls')).toEqual({ intent: 'customer_summary', slots: { customer: 'maple' } });
    expect(contract('wholesale order from Orbis Freight, $1,240 for 48 mugs')).toMatchObject({ intent: 'record_purchase', slots: { customer: 'Orbis Freight', amount: 1240 } });
    expect(contract('refund sent to Orbis, close the melted candles ticket').intent).toBe('close_ticket');
  });
  it('leaves chit-chat that opens like a command alone', () => {
    for (const text of ['forget it, never mind', 'done for today, have a good weekend', 'my mom paid for dinner lol', 'my coffee guy paid me back']) {
      expect(contract(text).intent).toBe('unknown');
    }
    expect(contract('forget Jana Novak').intent).toBe('erase_contact');
    expect(contract('remind me who Jana Novak is').intent).toBe('customer_summary');
  });
  it('reads a role at the customer opening a later clause, HQ and Irish legal forms, households with inner capitals (blind dev12 split)', () => {
    expect(contract('Orbis Dental call - practice manager Yusuf says payroll is late').slots).toMatchObject({ customer: 'Orbis Dental', contact: 'Yusuf' });
    expect(contract('called Harbor Pavilion, events mgr Bianca says no open flames').slots).toMatchObject({ customer: 'Harbor Pavilion', contact: 'Bianca' });
    expect(contract("how's Lumen HQ doing?").slots).toEqual({ customer: 'Lumen HQ' });
    expect(contract('follow up with Corrib Pharma DAC next month').slots).toMatchObject({ customer: 'Corrib Pharma DAC' });
    expect(contract('new deal w/ the MacDonalds, garden redesign, $7,500').slots).toMatchObject({ contact: 'MacDonalds', amount: 7500 });
    expect(contract('got an email from Dmitri Volkov - Lakeshore Plaza about the snow contract').slots).toMatchObject({ contact: 'Dmitri Volkov', customer: 'Lakeshore Plaza' });
  });
  it('reads rand, forwarded WhatsApps, more of the operator\'s next steps, "anything for tomorrow" and "how are X going"', () => {
    expect(contract('Table Bay Tours paid R18,500 for the rebuild').slots).toMatchObject({ amount: 18500, currency: 'ZAR' });
    expect(contract('fwd whatsapp from Riaan (Seaboard Realty): "can the page load faster?"').slots).toMatchObject({ contact: 'Riaan', customer: 'Seaboard Realty', kind: 'message' });
    expect(contract('visited Orbis to check the arbour, it is narrower than planned, redo sketch by Tuesday').slots).toMatchObject({ note: 'it is narrower than planned', dueAt: '2026-12-01T14:00:00.000Z' });
    expect(contract('anything for tomorrow').intent).toBe('list_followups');
    expect(contract('how are Georgia & Kofi going?')).toEqual({ intent: 'customer_summary', slots: { contact: 'Georgia & Kofi' } });
    expect(contract('how are you going?').intent).toBe('unknown');
  });
  it('reads "<customer> meeting last night, …" as a logged meeting', () => {
    expect(contract('Harbor Yoga board meeting last night, they approved the retrofit')).toEqual({
      intent: 'log_interaction', slots: { customer: 'Harbor Yoga', kind: 'meeting', note: 'they approved the retrofit' },
    });
  });
});

