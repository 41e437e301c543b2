import { describe, expect, it } from 'vitest';
import { renderBarChartPng, renderLineChartPng } from '../../src/analytics/charts.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  // The IHDR chunk follows the 8-byte signature and its own 8-byte length and type.
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('charts', () => {
  it('renders a bar chart to a PNG of the requested size', () => {
    const png = renderBarChartPng({ title: 'Customers by segment', labels: ['Champions', 'At risk', 'New'], values: [23, 12, 7], widthPx: 640, heightPx: 360 });
    expect(png).toBeInstanceOf(Uint8Array);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 640, height: 360 });
  });

  it('renders a line chart with negative values, markup in labels and many points', () => {
    const labels = Array.from({ length: 40 }, (_, i) => `<week & ${i}>`);
    const png = renderLineChartPng({ title: 'NPS "trend" <by week>', labels, values: labels.map((_, i) => 20 * Math.sin(i / 5)) });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 800, height: 480 });
  });

  it('still renders when the fonts are missing (text is simply left out)', () => {
    const png = renderBarChartPng({ title: 'No fonts', labels: ['a', 'b'], values: [1, 2], fontFiles: ['/nonexistent/font.ttf'] });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it('draws an empty chart rather than failing, and rejects mismatched data', () => {
    expect([...renderBarChartPng({ title: 'Nothing yet', labels: [], values: [] }).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect([...renderBarChartPng({ title: 'All zero', labels: ['a'], values: [0] }).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(() => renderBarChartPng({ title: 'x', labels: ['a'], values: [] })).toThrow(RangeError);
    expect(() => renderLineChartPng({ title: 'x', labels: ['a'], values: [Number.NaN] })).toThrow(RangeError);
  });
});
