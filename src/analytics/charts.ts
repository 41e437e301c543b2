/** Bar and line charts drawn as hand-built SVG and rendered to PNG bytes with resvg; text needs no particular font. */

import { Resvg } from '@resvg/resvg-js';

/** What to draw: one value per label, in order. */
export interface ChartData {
  title: string;
  labels: readonly string[];
  values: readonly number[];
  /** Image size in pixels (default 800 × 480). */
  widthPx?: number;
  heightPx?: number;
  /** How values are written on the chart (default: compact, e.g. 1,234 or 12K). */
  formatValue?: (value: number) => string;
  /** Font files to use instead of the system fonts (e.g. a bundled TTF); unreadable files only cost the text. */
  fontFiles?: readonly string[];
}

const FONT_FAMILY = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const MARGIN = { top: 56, right: 24, bottom: 64, left: 72 };
const MAX_X_LABELS = 12;
const MAX_LABEL_CHARS = 14;
const BAR_COLOUR = '#4f7cff';
const NEGATIVE_BAR_COLOUR = '#e05a5a';

/** Renders a bar chart (negative values hang below the zero line) to PNG bytes. */
export function renderBarChartPng(data: ChartData): Uint8Array {
  return renderPng(chartSvg(data, 'bar'), data.fontFiles);
}

/** Renders a line chart with a dot per value to PNG bytes. */
export function renderLineChartPng(data: ChartData): Uint8Array {
  return renderPng(chartSvg(data, 'line'), data.fontFiles);
}

function chartSvg(data: ChartData, kind: 'bar' | 'line'): string {
  if (data.labels.length !== data.values.length) {
    throw new RangeError(`chart needs one value per label: ${data.labels.length} labels, ${data.values.length} values`);
  }
  if (data.values.some((value) => !Number.isFinite(value))) throw new RangeError('chart values must be finite numbers');
  const width = data.widthPx ?? 800;
  const height = data.heightPx ?? 480;
  const format = data.formatValue ?? formatCompact;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(width / 2, 32, data.title, { size: 20, anchor: 'middle', weight: 'bold' }),
  ];
  if (data.values.length === 0) {
    parts.push(text(width / 2, height / 2, 'No data yet', { size: 16, anchor: 'middle', colour: '#888888' }), '</svg>');
    return parts.join('');
  }
  const ticks = niceTicks(Math.min(0, ...data.values), Math.max(0, ...data.values));
  const low = ticks[0] ?? 0;
  const high = ticks.at(-1) ?? 1;
  const yOf = (value: number) => MARGIN.top + plotHeight * (1 - (value - low) / (high - low));
  for (const tick of ticks) {
    const y = yOf(tick);
    parts.push(
      `<line x1="${MARGIN.left}" y1="${y}" x2="${width - MARGIN.right}" y2="${y}" stroke="${tick === 0 ? '#999999' : '#e6e6e6'}"/>`,
      text(MARGIN.left - 8, y + 4, format(tick), { size: 12, anchor: 'end', colour: '#555555' }),
    );
  }
  const slot = plotWidth / data.values.length;
  const xOf = (index: number) => MARGIN.left + slot * (index + 0.5);
  const labelEvery = Math.ceil(data.labels.length / MAX_X_LABELS);
  data.labels.forEach((label, index) => {
    if (index % labelEvery === 0) parts.push(text(xOf(index), height - MARGIN.bottom + 20, shorten(label), { size: 12, anchor: 'middle', colour: '#333333' }));
  });
  const showValues = data.values.length <= MAX_X_LABELS;
  if (kind === 'bar') {
    const barWidth = Math.max(1, slot * 0.7);
    data.values.forEach((value, index) => {
      const top = Math.min(yOf(value), yOf(0));
      const barHeight = Math.abs(yOf(value) - yOf(0));
      const colour = value < 0 ? NEGATIVE_BAR_COLOUR : BAR_COLOUR;
      parts.push(`<rect x="${xOf(index) - barWidth / 2}" y="${top}" width="${barWidth}" height="${barHeight}" fill="${colour}"/>`);
      if (showValues) parts.push(text(xOf(index), value < 0 ? top + barHeight + 16 : top - 6, format(value), { size: 12, anchor: 'middle' }));
    });
  } else {
    const points = data.values.map((value, index) => `${xOf(index)},${yOf(value)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${BAR_COLOUR}" stroke-width="3" stroke-linejoin="round"/>`);
    data.values.forEach((value, index) => {
      parts.push(`<circle cx="${xOf(index)}" cy="${yOf(value)}" r="4" fill="${BAR_COLOUR}"/>`);
      if (showValues) parts.push(text(xOf(index), yOf(value) - 10, format(value), { size: 12, anchor: 'middle' }));
    });
  }
  parts.push('</svg>');
  return parts.join('');
}

function renderPng(svg: string, fontFiles: readonly string[] | undefined): Uint8Array {
  const font = fontFiles ? { loadSystemFonts: false, fontFiles: [...fontFiles] } : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' };
  try {
    return new Resvg(svg, { font }).render().asPng();
  } catch {
    // Without usable fonts the chart still renders, only without text.
    return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
  }
}

/** Round tick values covering [low, high], about five of them. */
function niceTicks(low: number, high: number): number[] {
  if (low === high) return [low, low + 1];
  const roughStep = (high - low) / 5;
  const magnitude = Math.pow(10, Math.floor(Math.log10(roughStep)));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= roughStep) ?? 10) * magnitude;
  const ticks: number[] = [];
  const last = Math.ceil(high / step) * step;
  for (let tick = Math.floor(low / step) * step; tick <= last + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

function formatCompact(value: number): string {
  const options: Intl.NumberFormatOptions = Math.abs(value) >= 10_000 ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 1 };
  return new Intl.NumberFormat('en-US', options).format(value);
}

function shorten(label: string): string {
  return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
}

function text(x: number, y: number, content: string, style: { size: number; anchor: 'start' | 'middle' | 'end'; weight?: string; colour?: string }): string {
  return (
    `<text x="${x}" y="${y}" font-size="${style.size}" text-anchor="${style.anchor}" font-weight="${style.weight ?? 'normal'}" ` +
    `fill="${style.colour ?? '#222222'}">${escapeXml(content)}</text>`
  );
}

function escapeXml(content: string): string {
  return content.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
