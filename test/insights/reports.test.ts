import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, startHarness, type Harness } from '../support/harness.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const DAY_MS = 86_400_000;

/** Builds a purchase and contact history by moving the clock back and talking to the bot. */
async function seedHistory(h: Harness): Promise<void> {
  for (const name of ['Acme', 'Globex', 'Initech', 'Umbrella']) await h.say(`add customer ${name}`);
  const plan: [string, number[]][] = [
    ['Acme', [300, 240, 180, 120, 60, 10]],
    ['Globex', [280, 200, 150]],
    ['Initech', [250]],
    ['Umbrella', [200, 190, 100, 30]],
  ];
  for (const [name, daysAgo] of plan) {
    for (const d of daysAgo) {
      h.clock.set(new Date(T0.getTime() - d * DAY_MS));
      await h.say(`${name} paid $${100 + d}`);
      await h.say(`log call with ${name}: check-in ${d} days ago`);
    }
  }
  h.clock.set(T0);
  const p = h.core.db.prisma;
  const acme = await p.customer.findFirstOrThrow({ where: { name: 'Acme' } });
  const globex = await p.customer.findFirstOrThrow({ where: { name: 'Globex' } });
  for (const [customerId, score, daysAgo] of [[acme.id, 10, 5], [acme.id, 9, 40], [globex.id, 7, 20], [globex.id, 3, 10]] as const) {
    await p.surveyResponse.create({ data: { customerId, score, platform: 'slack', receivedAt: new Date(T0.getTime() - daysAgo * DAY_MS) } });
  }
}

describe('analytics in chat', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('sqlite');
    await seedHistory(h);
  });
  afterEach(async () => h.close());

  it("answers “what's our NPS?” with the score, the count and a margin of error", async () => {
    const [r] = await h.say("what's our NPS?");
    const allTime = r!.fields!.find((f) => f.label === 'All time')!.value;
    // 2 promoters, 1 passive, 1 detractor of 4: 50% - 25% = +25.
    expect(allTime).toMatch(/^\+25 ±\d+ from 4 answers \(2 promoters, 1 passives, 1 detractors\)/);
  });

  it('compares this quarter with the last one', async () => {
    const [r] = await h.say('NPS this quarter vs last');
    expect(r!.fields!.map((f) => f.label)).toEqual(['Last quarter', 'The quarter before']);
  });

  it('lists who is at risk, with reasons and a next step', async () => {
    const [r] = await h.say('who is at risk?');
    expect(r!.title).toBe('Who is at risk');
    const globex = r!.items!.find((i) => i.startsWith('Globex'));
    expect(globex).toMatch(/Globex \d+\/100: .*no contact for 150 days/);
    expect(globex).toContain('→');
    expect(r!.items!.some((i) => i.startsWith('Acme'))).toBe(false);
  });

  it('ranks customers by predicted lifetime value, with a chart', async () => {
    const [r] = await h.say('top customers by lifetime value');
    expect(r!.items![0]).toMatch(/^Acme: \$[\d,.]+ predicted · \$[\d,.]+ so far/);
    expect([...r!.image!.png.slice(0, 4)]).toEqual(PNG_SIGNATURE);
  });

  it('describes RFM segments and clusters', async () => {
    const [r] = await h.say('segments');
    expect(r!.text).toMatch(/^4 buying customers in \d+ RFM segments/);
    expect(r!.fields!.length).toBeGreaterThan(0);
    expect([...r!.image!.png.slice(0, 4)]).toEqual(PNG_SIGNATURE);
  });

  it('answers a report about one customer with that customer\'s line', async () => {
    expect((await h.say('CLV for Acme?'))[0]!.text).toMatch(/^Acme: \$[\d,.]+ predicted over the next 12 months \(discounted\) · \$[\d,.]+ so far · \d+% likely still active\.$/);
    expect((await h.say('which segment is Initech in?'))[0]!.text).toMatch(/^Initech is in the [\w’' -]+ segment \(recency [1-5], frequency [1-5], spend [1-5], each 1-5\): /);
    expect((await h.say("what's the NPS for Globex"))[0]!.text).toMatch(/^Globex: NPS -50 ±\d+ from 2 answers .*; last answer 3 on Nov 14\.$/);
    expect((await h.say('is Globex at risk?'))[0]!.text).toMatch(/^Globex is at risk, \d+\/100: .*no contact for 150 days.*\. Next step: /);
    expect((await h.say('is Acme at risk?'))[0]!.text).toMatch(/^Acme is not at risk \(\d+\/100\)/);
  });

  it('asks which customer when a named report matches two, and says so when a customer has no figures', async () => {
    await h.say('add customer Hooli Labs');
    await h.say('add customer Hooli Corp');
    const [question] = await h.say('CLV for Hooli');
    expect(question!.tone).toBe('question');
    expect(question!.choices!.map((c) => c.label)).toEqual(expect.arrayContaining(['Hooli Labs', 'Hooli Corp']));
    expect((await h.press('Hooli Labs'))[0]!.text).toBe('Hooli Labs has no purchases in USD yet, so no predicted value.');
    expect((await h.say('NPS for Initech'))[0]!.text).toMatch(/^No survey answers from Initech yet/);
    expect((await h.say('CLV for Zentrik'))[0]!).toMatchObject({ tone: 'error', text: expect.stringContaining('I don\'t know a customer called “Zentrik”') });
  });

  it('shows NPS and churn risk in the customer summary', async () => {
    const [r] = await h.say('summary Globex');
    const fields = Object.fromEntries(r!.fields!.map((f) => [f.label, f.value]));
    expect(fields.NPS).toMatch(/^-50 ±\d+ from 2 answers \(0 promoters, 1 passives, 1 detractors\); last 3 on Nov 14/);
    expect(fields['Churn risk']).toMatch(/^\d+\/100/);
  });
});
