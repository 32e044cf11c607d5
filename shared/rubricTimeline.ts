/**
 * The geometry of the "rubric over time" chart (the partnership page draws it with React, the
 * partnership report as an SVG string): one line per dimension across assessment dates, on a 1-10
 * scale whose background shows the four bands. Pure numbers and labels; renderers escape text.
 */
import type { RubricPoint } from './partnership';
import { RUBRIC_BANDS, RUBRIC_DIMENSION_IDS, type RubricDimensionId } from './rubric';

export const DIMENSION_SHORT: Record<RubricDimensionId, string> = {
  'industry-engagement': 'Industry engagement',
  'regional-coordination': 'Regional coordination',
  'career-pathways': 'Career pathways',
};

/** Colours that stay apart for common colour blindness; each line also has its own marker shape. */
export const DIMENSION_COLOURS: Record<RubricDimensionId, string> = {
  'industry-engagement': '#1f5f8b',
  'regional-coordination': '#b35900',
  'career-pathways': '#2e7d4f',
};
export const DIMENSION_MARKERS: Record<RubricDimensionId, 'circle' | 'square' | 'diamond'> = {
  'industry-engagement': 'circle',
  'regional-coordination': 'square',
  'career-pathways': 'diamond',
};
export const BAND_FILLS: Record<(typeof RUBRIC_BANDS)[number]['id'], string> = {
  exploring: '#f6f1e7',
  developing: '#eef4ea',
  active: '#e7f0f7',
  'role-model': '#f0eaf6',
};

export interface TimelineChartModel {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bands: { id: string; label: string; y: number; height: number; fill: string; labelY: number }[];
  ticks: { value: number; y: number }[];
  dates: { date: string; x: number }[];
  series: { dimension: RubricDimensionId; colour: string; marker: 'circle' | 'square' | 'diamond'; points: { x: number; y: number; score: number; date: string }[] }[];
}

export function timelineChartModel(points: readonly RubricPoint[], width = 640, height = 260): TimelineChartModel {
  const plot = { left: 34, right: width - 96, top: 12, bottom: height - 30 };
  const y = (v: number) => plot.bottom - ((v - 0.5) / 10) * (plot.bottom - plot.top);
  const n = points.length;
  const x = (i: number) => (n <= 1 ? (plot.left + plot.right) / 2 : plot.left + 16 + (i * (plot.right - plot.left - 32)) / (n - 1));
  return {
    width,
    height,
    plot,
    bands: RUBRIC_BANDS.map((b) => ({
      id: b.id,
      label: b.label,
      y: y(b.max + 0.5),
      height: y(b.min - 0.5) - y(b.max + 0.5),
      fill: BAND_FILLS[b.id],
      labelY: (y(b.max + 0.5) + y(b.min - 0.5)) / 2 + 4,
    })),
    ticks: [1, 4, 6, 9, 10].map((value) => ({ value, y: y(value) })),
    dates: points.map((p, i) => ({ date: p.date, x: x(i) })),
    series: RUBRIC_DIMENSION_IDS.map((dimension) => ({
      dimension,
      colour: DIMENSION_COLOURS[dimension],
      marker: DIMENSION_MARKERS[dimension],
      points: points.flatMap((p, i) => {
        const s = p.scores[dimension];
        return s ? [{ x: x(i), y: y(s.score), score: s.score, date: p.date }] : [];
      }),
    })),
  };
}
