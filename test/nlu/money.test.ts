import { describe, expect, it } from 'vitest';
import { findMoney, parseAmount } from '../../src/nlu/money.ts';
import { contract } from './helpers.ts';

describe('amounts and currencies (LABELING.md "Money")', () => {
  it.each([
    ['$1,200', 1200, 'USD'],
    ['3k', 3000, undefined],
    ['1.200,50 €', 1200.5, 'EUR'],
    ['€450', 450, 'EUR'],
    ['250 USD', 250, 'USD'],
    ['2.5k', 2500, undefined],
    ['$1.2m', 1200000, 'USD'],
    ['C$900', 900, 'CAD'],
    ['A$3,500', 3500, 'AUD'],
    ['£1,250.00', 1250, 'GBP'],
    ['¥150,000', 150000, 'JPY'],
    ['₹75,000', 75000, 'INR'],
    ['2000 CHF', 2000, 'CHF'],
    ['5k euros', 5000, 'EUR'],
    ['700 dollars', 700, 'USD'],
    ['12.000 €', 12000, 'EUR'],
    ['2 500 €', 2500, 'EUR'],
    ['USD 500', 500, 'USD'],
    ['€1,999.99', 1999.99, 'EUR'],
    ['100k usd', 100000, 'USD'],
    ["CHF 3'200", 3200, 'CHF'],
    ['₹1,50,000', 150000, 'INR'],
    ['₹8 lakh', 800000, 'INR'],
    ['2.5 crore', 25000000, undefined],
    ['Rs 12,000', 12000, 'INR'],
    ['Rs. 950', 950, 'INR'],
  ])('%s', (text, amount, currency) => {
    const money = findMoney(`paid ${text} today`);
    expect(money?.amount).toBe(amount);
    expect(money?.currency).toBe(currency);
  });

  it('reads both digit-grouping conventions', () => {
    expect(parseAmount('1,200')).toBe(1200);
    expect(parseAmount('1.200')).toBe(1200);
    expect(parseAmount('1,5')).toBe(1.5);
    expect(parseAmount('1.200,50')).toBe(1200.5);
    expect(parseAmount('1,200.50')).toBe(1200.5);
  });

  it('reads the Swiss apostrophe and Indian lakh grouping as thousands', () => {
    expect(parseAmount("12'500.50")).toBe(12500.5);
    expect(parseAmount('12,34,567')).toBe(1234567);
  });

  it('does not take counts, dates or invoice numbers for amounts', () => {
    expect(findMoney('bought 10 seats on 12/03', true)).toBeUndefined();
    expect(contract('Massive Dynamic paid invoice #4411, $2,300').slots).toMatchObject({ amount: 2300, currency: 'USD' });
    expect(contract('Dunder Mifflin bought 10 seats for 2.5k').slots).toEqual({ customer: 'Dunder Mifflin', amount: 2500, note: '10 seats' });
  });

  it('records payments and deals in several currencies', () => {
    expect(contract('invoice paid by Initech, €450')).toEqual({ intent: 'record_purchase', slots: { customer: 'Initech', amount: 450, currency: 'EUR' } });
    expect(contract('Zorg GmbH paid 1.200,50 € for the onboarding package')).toEqual({
      intent: 'record_purchase', slots: { customer: 'Zorg GmbH', amount: 1200.5, currency: 'EUR', note: 'onboarding package' },
    });
    expect(contract('got £800 from Sterling Cooper for consulting')).toEqual({
      intent: 'record_purchase', slots: { customer: 'Sterling Cooper', amount: 800, currency: 'GBP', note: 'consulting' },
    });
    expect(contract('new deal with Initech for the data migration, 5k')).toEqual({
      intent: 'create_deal', slots: { customer: 'Initech', amount: 5000, note: 'data migration' },
    });
    expect(contract('start a deal with Kanto Labs for ¥2,000,000')).toEqual({
      intent: 'create_deal', slots: { customer: 'Kanto Labs', amount: 2000000, currency: 'JPY' },
    });
  });
});

describe('currency words of more countries', () => {
  it.each([
    ['42.500 TL', 42500, 'TRY'],
    ['1,200 cedis', 1200, 'GHS'],
    ['60k TRY', 60000, 'TRY'],
    ['5,000 shillings', 5000, 'KES'],
  ])('reads %s', (text, amount, currency) => {
    expect(findMoney(text)).toMatchObject({ amount, currency });
  });

  it('reads "kr" and "pesos" as the currency of where the operator is, and only the amount elsewhere', () => {
    expect(findMoney('4 990 kr', false, 'Europe/Stockholm')).toMatchObject({ amount: 4990, currency: 'SEK' });
    expect(findMoney('4 990 kr', false, 'Europe/Oslo')).toMatchObject({ amount: 4990, currency: 'NOK' });
    expect(findMoney('350 pesos', false, 'America/Mexico_City')).toMatchObject({ amount: 350, currency: 'MXN' });
    expect(findMoney('4 990 kr', false, 'America/New_York')).toEqual({ amount: 4990, currency: undefined, span: { start: 0, end: 8 } });
  });
});
