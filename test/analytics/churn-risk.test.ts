import { describe, expect, it } from 'vitest';
import { churnRisk } from '../../src/analytics/churn-risk.ts';
import { lifecycleStage } from '../../src/analytics/lifecycle.ts';
import { repeatPurchaseRate, retentionRate } from '../../src/analytics/retention.ts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('churnRisk', () => {
  it('explains every warning sign and combines them as independent signs', () => {
    const result = churnRisk(
      {
        // Every 14 days until 29 December, then silence: 62 days by 1 March.
        interactionDates: ['2025-12-01T10:00:00.000Z', '2025-12-15T10:00:00.000Z', '2025-12-29T10:00:00.000Z'],
        npsAnswers: [
          { score: 5, answeredAt: '2025-11-01' },
          { score: 4, answeredAt: '2026-02-01' },
        ],
        openTickets: 2,
        openDeals: [{ lastActivityAt: daysBefore(30) }, { lastActivityAt: daysBefore(3) }],
        repeatPurchases: 3,
        probabilityAlive: 0.35,
      },
      NOW,
    );
    expect(result.reasons).toEqual([
      'no contact for 62 days, usually every 14', // 0.5 · 1
      'probability alive 35%', // 0.6 · 0.65 = 0.39
      'last NPS 4', // 0.5 · (0.5 + 2/12) = 0.333
      '2 open tickets', // 0.35 · (1 - 0.6²) = 0.224
      'deal stalled 30 days', // 0.3 · 30/60 = 0.15
    ]);
    // 1 - 0.5 · (2/3) · 0.776 · 0.85 · 0.61 = 0.8659.
    expect(result.risk).toBe(87);
    expect(result.nextStep).toBe('Check in: it has been 62 days since you were last in touch');
  });

  it('sees nothing wrong with a happy customer on their usual rhythm', () => {
    const result = churnRisk(
      {
        interactionDates: [daysBefore(30), daysBefore(20), daysBefore(10), daysBefore(2)],
        npsAnswers: [{ score: 10, answeredAt: daysBefore(5) }],
        sentiments: [{ score: 0.8, at: daysBefore(2) }],
        repeatPurchases: 4,
        probabilityAlive: 0.97,
      },
      NOW,
    );
    expect(result).toEqual({ risk: 0, reasons: [], nextStep: 'No action needed: keep the usual rhythm' });
  });

  it('uses the default 30-day rhythm when it cannot learn one, and ignores P(alive) for one-off buyers', () => {
    const result = churnRisk({ interactionDates: [daysBefore(100)], repeatPurchases: 0, probabilityAlive: 0.01 }, NOW);
    // 100/30 = 3.33 usual gaps: 0.5 · (3.33 - 1)/3 = 0.389.
    expect(result).toEqual({ risk: 39, reasons: ['no contact for 100 days'], nextStep: 'Check in: it has been 100 days since you were last in touch' });
  });

  it('notices a falling NPS and a souring tone', () => {
    const result = churnRisk(
      {
        interactionDates: [],
        npsAnswers: [
          { score: 9, answeredAt: daysBefore(100) },
          { score: 6, answeredAt: daysBefore(10) },
        ],
        sentiments: [0.6, 0.5, 0.7, -0.2, -0.3, -0.1].map((score, i) => ({ score, at: daysBefore(60 - 10 * i) })),
      },
      NOW,
    );
    expect(result.reasons).toEqual(['NPS fell from 9 to 6', 'sentiment falling (0.6 to -0.2)']);
    // NPS 0.5 · (0.5 + 0.2) = 0.35; tone 0.3 · (0.2 + 0.8 - 0.2) = 0.24; 1 - 0.65 · 0.76 = 0.506.
    expect(result.risk).toBe(51);
  });
});

describe('lifecycleStage', () => {
  it('is lead before any purchase or won deal, then active, at risk or churned', () => {
    expect(lifecycleStage({ purchases: 0, churnRisk: 90 }, NOW)).toBe('lead');
    expect(lifecycleStage({ purchases: 0, wonDeals: 1, lastActivityAt: daysBefore(3), churnRisk: 10 }, NOW)).toBe('active');
    expect(lifecycleStage({ purchases: 4, lastActivityAt: daysBefore(20), churnRisk: 69 }, NOW)).toBe('active');
    expect(lifecycleStage({ purchases: 4, lastActivityAt: daysBefore(20), churnRisk: 70 }, NOW)).toBe('at_risk');
    expect(lifecycleStage({ purchases: 4, lastActivityAt: daysBefore(181), churnRisk: 20 }, NOW)).toBe('churned');
    expect(lifecycleStage({ purchases: 4, lastActivityAt: daysBefore(40), churnRisk: 20 }, NOW, { churnedAfterDays: 30 })).toBe('churned');
  });
});

describe('retention and repeat purchase rate', () => {
  const purchases = [
    { customerId: 'a', date: '2026-01-10' },
    { customerId: 'b', date: '2026-01-20' },
    { customerId: 'c', date: '2026-01-25' },
    { customerId: 'z', date: '2026-01-03' }, // before the 28-day comparison window
    { customerId: 'a', date: '2026-02-02' },
    { customerId: 'a', date: '2026-02-20' },
    { customerId: 'b', date: '2026-02-10' },
    { customerId: 'd', date: '2026-02-05' },
    { customerId: 'd', date: '2026-02-05' },
  ];
  const february = { from: '2026-02-01', to: '2026-02-28' };

  it('retention: of a, b, c who bought in the 28 days before February, a and b came back', () => {
    expect(retentionRate(purchases, february)).toEqual({ rate: 2 / 3, retained: 2, startingCustomers: 3 });
  });

  it('repeat purchase rate: of February buyers a, b, d, only a bought on two days', () => {
    expect(repeatPurchaseRate(purchases, february)).toEqual({ rate: 1 / 3, repeatBuyers: 1, buyers: 3 });
  });

  it('is null when nobody bought', () => {
    expect(retentionRate([], february).rate).toBeNull();
    expect(repeatPurchaseRate([], february).rate).toBeNull();
  });
});
