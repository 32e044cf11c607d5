import type { BoardExport, ExportFieldDef, ExportItem, ExportRubricAssessment } from '../../shared/api/exportDocument';
import type { FieldValue, Figure } from '../../shared/results';
import type { EvidenceEntry, RubricDimensionId } from '../../shared/rubric';
import { isReviewPhaseId, reviewPhase } from '../../exercises/kit/review';

/**
 * What the CSV files and the two reports need beyond the export document: how a field value
 * reads, which rubric sessions to compare, which items a board has. Pure.
 */

/** The value as a person reads it: choice labels, Yes / No, "3 / 5" for scales, '' when empty. */
export function fieldText(def: ExportFieldDef | undefined, value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (!def) return String(value);
  if (def.kind === 'choice') return def.options?.find((o) => o.value === value)?.label ?? String(value);
  if (def.kind === 'boolean') return value ? 'Yes' : 'No';
  if (def.kind === 'scale') return `${value} / ${def.max ?? ''}`.trim();
  return String(value);
}

/** The value for a spreadsheet cell: numbers and booleans as such, choices as their label. */
export function fieldCell(def: ExportFieldDef | undefined, value: FieldValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && def?.kind === 'choice') return fieldText(def, value);
  return value;
}

export function fieldDefsOf(doc: BoardExport) {
  const items = new Map(doc.itemTypes.map((t) => [t.type, new Map(t.fields.map((f) => [f.key, f]))]));
  const connectors = new Map(doc.connectorKinds.map((k) => [k.kind, new Map(k.fields.map((f) => [f.key, f]))]));
  return {
    item: (type: string, key: string) => items.get(type)?.get(key),
    connector: (kind: string, key: string) => connectors.get(kind)?.get(key),
    titleField: (type: string) => doc.itemTypes.find((t) => t.type === type)?.titleField,
  };
}

/** Every item once: step by step in step order, then the ones outside every step. */
export function allItems(doc: BoardExport): ExportItem[] {
  const seen = new Map<string, ExportItem>();
  for (const s of doc.steps) for (const i of s.items) if (!seen.has(i.id)) seen.set(i.id, i);
  for (const i of doc.itemsOutsideSteps) if (!seen.has(i.id)) seen.set(i.id, i);
  return [...seen.values()];
}

/** Field columns across types: every field key once, in item type and field order. */
export function fieldKeys(defs: { fields: ExportFieldDef[] }[]): string[] {
  const keys: string[] = [];
  for (const d of defs) for (const f of d.fields) if (!keys.includes(f.key)) keys.push(f.key);
  return keys;
}

/** YYYY-MM-DD of an ISO time ('' for anything else). */
export function dateOf(iso: string | null | undefined): string {
  return typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '';
}

/** The evidence a report shows: everything the team did not dismiss. */
export function shownEvidence(evidence: readonly EvidenceEntry[]): EvidenceEntry[] {
  return evidence.filter((e) => e.status !== 'dismissed' && e.text.trim() !== '');
}

export function evidenceLine(e: EvidenceEntry): string {
  return e.status === 'proposed' ? `${e.text} (proposed, not yet confirmed)` : e.text;
}

/** The latest session and the one before it (either may be missing). */
export function rubricComparison(doc: BoardExport): { current: ExportRubricAssessment | null; previous: ExportRubricAssessment | null } {
  const s = doc.rubric.sessions;
  return { current: s.at(-1) ?? null, previous: s.length > 1 ? s[s.length - 2] : null };
}

/** What a scored dimension of the current session means: its band's overall description, the guidepost and where to start next. */
export interface RubricMeaning {
  label: string;
  score: number;
  bandLabel: string;
  bandDescription: string;
  guidepost: string;
  next: string;
}

/** The meaning of each scored dimension of the latest session, in dimension order. */
export function rubricMeanings(doc: BoardExport): RubricMeaning[] {
  const { current } = rubricComparison(doc);
  if (!current) return [];
  const bands = new Map(doc.rubric.bands.map((b) => [b.id, b]));
  const out: RubricMeaning[] = [];
  for (const d of doc.rubric.dimensions) {
    const s = current.scores[d.id];
    if (s.score === null || !s.band) continue;
    out.push({
      label: d.label,
      score: s.score,
      bandLabel: s.bandLabel ?? s.band,
      bandDescription: bands.get(s.band)?.description ?? '',
      guidepost: s.guidepost ?? '',
      next: s.next ?? '',
    });
  }
  return out;
}

export interface ChartBar {
  dimension: RubricDimensionId;
  label: string;
  current: number | null;
  previous: number | null;
}

export function rubricBars(doc: BoardExport): ChartBar[] {
  const { current, previous } = rubricComparison(doc);
  return doc.rubric.dimensions.map((d) => ({
    dimension: d.id,
    label: d.label,
    current: current?.scores[d.id]?.score ?? null,
    previous: previous?.scores[d.id]?.score ?? null,
  }));
}

/**
 * A figure as rows of text cells: a number as one row, a table as its rows, a list as one row
 * per entry. The header is the first row.
 */
export function figureRows(f: Figure): { header: string[]; rows: (string | number)[][]; empty?: string } {
  switch (f.kind) {
    case 'number':
      return { header: ['Value', ...(f.target !== undefined ? ['Target'] : [])], rows: [[f.value, ...(f.target !== undefined ? [f.target] : [])]] };
    case 'table':
      return { header: f.columns, rows: f.rows.map((r) => r.cells), empty: 'Nothing yet.' };
    case 'list':
      return { header: [f.label], rows: f.entries.map((e) => [e.text]), empty: f.empty ?? 'Nothing yet.' };
  }
}

export const ROLE_LABELS = { facilitator: 'Facilitator', editor: 'Editor', viewer: 'Viewer' } as const;

/** The board's subtitle: region, sector, template (and variant). */
export function boardFacts(doc: BoardExport): [string, string][] {
  const b = doc.board;
  return [
    ['Region', b.region],
    ['Target sector', b.sector],
    ['Exercise', b.variant ? `${b.template.title} (${b.variant.title})` : b.template.title],
    ['Board created', dateOf(b.createdAt)],
    ['Exported', dateOf(doc.exportedAt)],
  ];
}

/** The title of an after-action review phase (its id when unknown). */
export function phaseTitle(phaseId: string): string {
  return isReviewPhaseId(phaseId) ? reviewPhase(phaseId).title : phaseId;
}
