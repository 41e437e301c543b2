import { describe, expect, it } from 'vitest';
import { command, contract } from './helpers.ts';

const asCustomer = { as: 'customer' as const };

describe('survey replies from customers', () => {
  it.each([
    ['9', 9, undefined],
    ['10 - great', 10, 'great'],
    ['solid 8/10', 8, undefined],
    ['probably a six', 6, undefined],
    ["I'd say 7, support is slow", 7, 'support is slow'],
    ['9, great support', 9, 'great support'],
    ['0', 0, undefined],
    ['ten!', 10, undefined],
    ['8 out of 10', 8, undefined],
    ['seven out of ten', 7, undefined],
    ['I would give you a 9', 9, undefined],
    ['3/10 support is terrible', 3, 'support is terrible'],
    ['8 — fast support', 8, 'fast support'],
    ['10!!! love it', 10, 'love it'],
    ['Not happy at all, 2', 2, 'Not happy at all'],
    ['eight, would be nine if exports were faster', 8, 'would be nine if exports were faster'],
    ['"9"', 9, undefined],
    ['a 10 from me', 10, undefined],
    ['9 👍', 9, undefined],
  ])('%s', (text, score, note) => {
    expect(contract(text, asCustomer)).toEqual({ intent: 'nps_reply', slots: note === undefined ? { score } : { score, note } });
  });

  it.each([
    'hi, who is this?', 'stop', 'can you call me back?', 'I have 2 questions about billing', 'our account number is 5543',
    'add customer Acme', 'who is at risk?', 'remind me to call Acme tomorrow', '11/10', '😀', '',
  ])('anything else a customer writes is unknown, never a command: %s', (text) => {
    expect(contract(text, asCustomer)).toEqual({ intent: 'unknown', slots: {} });
  });

  it('says why an empty reply was not understood', () => {
    expect(command('   ', asCustomer)).toEqual({ intent: 'unknown', reason: 'empty' });
  });
});

describe('scores in other languages', () => {
  it.each([
    ['Diez! excelente servicio', 10, 'excelente servicio'],
    ['nota nove, adorei', 9, 'adorei'],
    ['sept, pas mal', 7, 'pas mal'],
    ['zehn!', 10, undefined],
    ['otto', 8, undefined],
  ])('reads %s', (text, score, note) => {
    expect(contract(text, { as: 'customer' })).toEqual({ intent: 'nps_reply', slots: note ? { score, note } : { score } });
  });
});
