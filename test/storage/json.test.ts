import { describe, expect, it } from 'vitest';
import { decodeJson, decodeRow, encodeJson } from '../../src/core/json.ts';

describe('the JSON the audit log and the outbox store', () => {
  it('keeps dates and bytes, at any depth, through a round trip', () => {
    const value = {
      at: new Date('2026-11-24T10:00:00.000Z'), n: 1.5, none: null, skipped: undefined, text: 'ü "quoted"',
      reply: { image: { png: new Uint8Array([0, 1, 254]), alt: 'chart' }, choices: [{ label: 'Undo', due: new Date(0) }] },
    };
    const text = encodeJson(value);
    expect(JSON.parse(text)).toMatchObject({ at: { $date: '2026-11-24T10:00:00.000Z' }, reply: { image: { png: { $bytes: 'AAH+' } } } });
    expect(text).not.toContain('skipped');
    // toEqual treats the dropped undefined field as absent.
    expect(decodeJson(text)).toEqual(value);
  });

  it('reads an empty column as null and a row back as a record', () => {
    expect(decodeRow(null)).toBeNull();
    expect(decodeRow(encodeJson({ id: 3, createdAt: new Date(5) }))).toEqual({ id: 3, createdAt: new Date(5) });
  });
});
