import { RUBRIC_BANDS } from '../../shared/rubric';
import type { ChartBar } from './reportModel';

/** Text for HTML and SVG: the five characters with a meaning in markup become entities. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const WIDTH = 560;
const LEFT = 8;
const RIGHT = 24;
const TOP = 44;
const GROUP = 62;
const SCALE_MAX = 10;
const CURRENT_FILL = '#1f5f8b';
const PREVIOUS_FILL = '#a9b8c6';
const BAND_FILLS = ['#f4f1ea', '#eef3ea', '#e8f1f6', '#efe9f5'];

/**
 * The rubric scores as a horizontal bar chart: one group per dimension, the current session's
 * score above the previous one's, on a 0-10 scale shaded by band. Every text is escaped; the
 * chart carries a title and a description for screen readers.
 */
export function rubricChartSvg(bars: readonly ChartBar[], currentLabel: string, previousLabel: string | null, idPrefix = 'rubric-chart'): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const x = (v: number) => LEFT + (plotW * v) / SCALE_MAX;
  const height = TOP + bars.length * GROUP + 28;
  const parts: string[] = [];
  const describe = bars
    .map((b) => `${b.label}: ${b.current ?? 'not scored'}${previousLabel ? ` (before: ${b.previous ?? 'not scored'})` : ''}`)
    .join('; ');
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="rubric-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc">`,
    `<title id="${idPrefix}-title">Rubric scores, ${escapeHtml(currentLabel)}${previousLabel ? ` compared with ${escapeHtml(previousLabel)}` : ''}</title>`,
    `<desc id="${idPrefix}-desc">${escapeHtml(describe)}</desc>`,
  );
  // Band backgrounds with their names along the top.
  RUBRIC_BANDS.forEach((band, i) => {
    const x0 = x(band.min - 1);
    const x1 = x(band.max);
    parts.push(`<rect x="${x0}" y="${TOP - 8}" width="${x1 - x0}" height="${bars.length * GROUP + 8}" fill="${BAND_FILLS[i % BAND_FILLS.length]}"/>`);
    parts.push(`<text x="${(x0 + x1) / 2}" y="${TOP - 14}" text-anchor="middle" font-size="11" fill="#555">${escapeHtml(band.label)}</text>`);
  });
  // Legend.
  parts.push(`<rect x="${LEFT}" y="4" width="12" height="12" fill="${CURRENT_FILL}"/>`);
  parts.push(`<text x="${LEFT + 18}" y="14" font-size="12" fill="#222">${escapeHtml(currentLabel)}</text>`);
  if (previousLabel) {
    parts.push(`<rect x="${LEFT + 200}" y="4" width="12" height="12" fill="${PREVIOUS_FILL}"/>`);
    parts.push(`<text x="${LEFT + 218}" y="14" font-size="12" fill="#222">${escapeHtml(previousLabel)}</text>`);
  }
  bars.forEach((b, i) => {
    const y = TOP + i * GROUP;
    parts.push(`<text x="${LEFT + 4}" y="${y + 12}" font-size="12" font-weight="600" fill="#222">${escapeHtml(b.label)}</text>`);
    const bar = (value: number | null, top: number, h: number, fill: string) => {
      if (value === null) {
        parts.push(`<text x="${LEFT + 4}" y="${top + h - 2}" font-size="11" fill="#666" font-style="italic">not scored</text>`);
        return;
      }
      parts.push(`<rect x="${LEFT}" y="${top}" width="${x(value) - LEFT}" height="${h}" fill="${fill}"/>`);
      parts.push(`<text x="${x(value) + 4}" y="${top + h - 3}" font-size="11" fill="#222">${value}</text>`);
    };
    bar(b.current, y + 18, 16, CURRENT_FILL);
    if (previousLabel) bar(b.previous, y + 38, 12, PREVIOUS_FILL);
  });
  // Scale.
  const axisY = TOP + bars.length * GROUP + 4;
  parts.push(`<line x1="${LEFT}" y1="${axisY}" x2="${x(SCALE_MAX)}" y2="${axisY}" stroke="#888"/>`);
  for (let v = 0; v <= SCALE_MAX; v++) {
    parts.push(`<line x1="${x(v)}" y1="${axisY}" x2="${x(v)}" y2="${axisY + 4}" stroke="#888"/>`);
    parts.push(`<text x="${x(v)}" y="${axisY + 16}" text-anchor="middle" font-size="10" fill="#555">${v}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
