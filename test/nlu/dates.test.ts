import { describe, expect, it } from 'vitest';
import { findDue } from '../../src/nlu/dates/index.ts';
import { offsetMinutesAt, zonedToUtc } from '../../src/core/zone.ts';
import { contract } from './helpers.ts';

function due(text: string, now: string, timeZone: string): string | undefined {
  return findDue(text, { now: new Date(now), timeZone })?.at.toISOString();
}

describe('times per LABELING.md', () => {
  // Tuesday 24 Nov 2026, 10:00 New York (EST).
  const now = '2026-11-24T15:00:00.000Z';
  const tz = 'America/New_York';
  it.each([
    ['next Tuesday', '2026-12-01T14:00:00.000Z'],
    ['Tuesday', '2026-12-01T14:00:00.000Z'],
    ['on Friday', '2026-11-27T14:00:00.000Z'],
    ['Friday 10am', '2026-11-27T15:00:00.000Z'],
    ['today', '2026-11-24T14:00:00.000Z'],
    ['tomorrow', '2026-11-25T14:00:00.000Z'],
    ['tomorrow 3pm', '2026-11-25T20:00:00.000Z'],
    ['tomorrow at 15:30', '2026-11-25T20:30:00.000Z'],
    ['Wednesday at noon', '2026-11-25T17:00:00.000Z'],
    ['Thursday morning', '2026-11-26T14:00:00.000Z'],
    ['Friday afternoon', '2026-11-27T20:00:00.000Z'],
    ['Monday evening', '2026-11-30T23:00:00.000Z'],
    ['tonight', '2026-11-25T01:00:00.000Z'],
    ['eod', '2026-11-24T22:00:00.000Z'],
    ['end of day', '2026-11-24T22:00:00.000Z'],
    ['next week', '2026-11-30T14:00:00.000Z'],
    ['next month', '2026-12-01T14:00:00.000Z'],
    ['in 3 days', '2026-11-27T14:00:00.000Z'],
    ['in 2 weeks', '2026-12-08T14:00:00.000Z'],
    ['in 2 wks', '2026-12-08T14:00:00.000Z'],
    ['in 2 hours', '2026-11-24T17:00:00.000Z'],
    ['in 30 minutes', '2026-11-24T15:30:00.000Z'],
    ['Dec 3', '2026-12-03T14:00:00.000Z'],
    ['3 December', '2026-12-03T14:00:00.000Z'],
    ['12/03', '2026-12-03T14:00:00.000Z'],
    ['Nov 2', '2027-11-02T13:00:00.000Z'],
  ])('%s', (text, expected) => {
    expect(due(text, now, tz)).toBe(expected);
  });

  it('reads 3/4 by the locale: March 4 in en-US, April 3 in en-GB', () => {
    const ctx = { now: new Date('2026-01-10T12:00:00Z'), timeZone: 'UTC' };
    expect(findDue('on 3/4', ctx)?.at.toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(findDue('on 3/4', { ...ctx, locale: 'en-GB' })?.at.toISOString()).toBe('2026-04-03T09:00:00.000Z');
  });
});

describe('time zones and DST', () => {
  it('uses the offset in force on the target day, not the one at now (US spring forward)', () => {
    // Fri 6 Mar 2026 16:00 EST; clocks go forward on Sun 8 Mar.
    expect(due('Monday', '2026-03-06T21:00:00.000Z', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
    expect(due('tomorrow', '2026-03-06T21:00:00.000Z', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z');
    expect(due('in 2 hours', '2026-03-06T21:00:00.000Z', 'America/New_York')).toBe('2026-03-06T23:00:00.000Z');
  });

  it('handles the EU fall-back and spring-forward weekends', () => {
    expect(due('Monday 10am', '2026-10-23T10:00:00.000Z', 'Europe/London')).toBe('2026-10-26T10:00:00.000Z');
    expect(due('next week', '2026-03-27T08:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
    expect(due('next month', '2026-03-27T08:30:00.000Z', 'Europe/Berlin')).toBe('2026-04-01T07:00:00.000Z');
  });

  it('handles southern-hemisphere DST (Sydney ends, Auckland starts)', () => {
    expect(due('Monday', '2026-04-01T23:00:00.000Z', 'Australia/Sydney')).toBe('2026-04-05T23:00:00.000Z');
    expect(due('Monday 9:30am', '2026-09-25T06:00:00.000Z', 'Pacific/Auckland')).toBe('2026-09-27T20:30:00.000Z');
  });

  it('uses the local date when it differs from the UTC date', () => {
    // 23:30 Friday in Los Angeles is already Saturday in UTC.
    expect(due('tomorrow', '2026-06-13T06:30:00.000Z', 'America/Los_Angeles')).toBe('2026-06-13T16:00:00.000Z');
    // 07:00 Thursday in Tokyo is still Wednesday in UTC.
    expect(due('today 3pm', '2026-01-14T22:00:00.000Z', 'Asia/Tokyo')).toBe('2026-01-15T06:00:00.000Z');
    expect(due('Friday 4pm', '2026-09-01T08:30:00.000Z', 'Asia/Kolkata')).toBe('2026-09-04T10:30:00.000Z');
  });

  it('rolls dates over the year end', () => {
    expect(due('next month', '2026-12-30T21:00:00.000Z', 'America/Chicago')).toBe('2027-01-01T15:00:00.000Z');
    expect(due('Jan 5', '2026-12-30T21:00:00.000Z', 'America/Chicago')).toBe('2027-01-05T15:00:00.000Z');
    expect(due('Dec 3', '2026-12-30T21:00:00.000Z', 'America/Chicago')).toBe('2027-12-03T15:00:00.000Z');
  });

  it('converts wall times in gaps and overlaps predictably', () => {
    expect(offsetMinutesAt(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutesAt(new Date('2026-07-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    // 02:30 does not exist on 8 Mar 2026 in New York: the instant just after the gap.
    expect(zonedToUtc({ year: 2026, month: 3, day: 8 }, 2, 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 Nov 2026: the first one (still EDT).
    expect(zonedToUtc({ year: 2026, month: 11, day: 1 }, 1, 30, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('puts a follow-up across a DST change into the contract', () => {
    expect(contract('called Jane at Acme, worried about pricing, follow up Monday', { now: '2026-10-30T21:00:00.000Z', tz: 'America/New_York' }).slots)
      .toMatchObject({ dueAt: '2026-11-02T14:00:00.000Z' });
    expect(contract('snooze that until Monday', { now: '2026-03-06T21:00:00.000Z', tz: 'America/New_York' }).slots)
      .toEqual({ dueAt: '2026-03-09T13:00:00.000Z' });
  });

  it('gives list_followups no dueAt', () => {
    expect(contract("what's due tomorrow?")).toEqual({ intent: 'list_followups', slots: {} });
  });
});
