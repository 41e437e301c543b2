/** CDNOW reference data for the analytics tests: where it is, whether it is there, and readers for it. */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CDNOW sample and its published reference figures (see test/fixtures/cdnow/README.md). */
export const CDNOW_DIR = fileURLToPath(new URL('../fixtures/cdnow/', import.meta.url));

const FILES = ['CDNOW_sample.txt', 'cdnow_customers_summary_with_transactions.csv', 'cdnow_reference_values.json'];

/** True when every CDNOW file the tests need is present. */
export const CDNOW_AVAILABLE = FILES.every((file) => existsSync(join(CDNOW_DIR, file)));

if (!CDNOW_AVAILABLE) {
  console.warn(`\n*** CDNOW reference data not found in ${CDNOW_DIR} (need ${FILES.join(', ')}): the CDNOW reference tests are SKIPPED ***\n`);
}

/** One row of cdnow_customers_summary_with_transactions.csv (weeks, dollars). */
export interface CdnowCustomer {
  id: number;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** The parts of cdnow_reference_values.json the tests use. */
export interface CdnowReference {
  bgnbd: {
    published: { r: number; alpha: number; a: number; b: number };
    mle: { r: number; alpha: number; a: number; b: number; logLik: number };
    logLikAtPublishedRounded: number;
    unconditionalExpected_mle: { t: number[]; value: number[] };
    pmf_atPublished: { P_X39_eq_0: number; P_X2_eq_10: number; P_X30_eq_11: number };
    holdout_mle: { sumExpected39: number };
  };
  gammaGamma: {
    published: { p: number; q: number; gamma: number };
    mle: { p: number; q: number; gamma: number; logLik: number };
    populationMeanSpend: { atPublished: number; atMle: number };
    condExpAvgProfit_ids1to10: number[];
    condExpAvgProfit_atol: number;
  };
  clvLifetimesQuickstart: { ids: number[]; clv: number[]; id1_withWeeklyFactor4_345: number };
  nps: { example: { n: number; promoters: number; passives: number; detractors: number; nps: number; wald95: number[]; adjustedWald95: number[] } };
}

/** The reference figures. */
export function readCdnowReference(): CdnowReference {
  return JSON.parse(readFileSync(join(CDNOW_DIR, 'cdnow_reference_values.json'), 'utf8')) as CdnowReference;
}

/** The 2,357 calibration summaries, in ID order. */
export function readCdnowCustomers(): CdnowCustomer[] {
  const lines = readFileSync(join(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [id = 0, x = 0, tx = 0, T = 0, zbar = 0] = line.split(',').map(Number);
    return { id, x, tx, T, zbar };
  });
}

/** CDNOW_sample.txt as a `customer_id,date,amount` CSV, using the sample id (1-2357) as customer_id. */
export function cdnowSampleAsPurchasesCsv(): string {
  const rows = readFileSync(join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, sampleId = '', yyyymmdd = '', , dollars = ''] = line.trim().split(/\s+/);
      return `${Number(sampleId)},${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)},${dollars}`;
    });
  return ['customer_id,date,amount', ...rows].join('\n');
}
