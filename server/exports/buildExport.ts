import type * as Y from 'yjs';
import { ACTION_STATUSES } from '../../shared/actionPlan';
import { readActions } from '../../shared/doc/actionPlanDoc';
import { readRecords } from '../../shared/doc/boardDoc';
import {
  EXPORT_VERSION,
  type BoardExport,
  type ExportConnectorKind,
  type ExportFieldDef,
  type ExportItem,
  type ExportItemType,
  type ExportParticipant,
  type ExportRubric,
  type ExportRubricScore,
} from '../../shared/api/exportDocument';
import type { ResultItem } from '../../shared/results';
import { bandOf, RUBRIC_BANDS, RUBRIC_DIMENSION_IDS, type DimensionScore, type RubricDimensionId } from '../../shared/rubric';
import { readRubric } from '../../shared/doc/rubricDoc';
import { BAND_DESCRIPTIONS, RUBRIC_GUIDE } from '../../shared/rubricGuide';
import type { FieldDef, ItemTypeDef } from '../../exercises/kit/definitions';
import { getExercise, getItemType } from '../../exercises/registry';
import { boardNotes } from '../../exercises/kit/boardNotes';
import { resultsOfDoc } from './boardResults';
import type { VoteRound } from '../../shared/doc/control';
import type { BoardRow } from '../storage/Storage';
import type { ParticipantRow } from '../participants/participantStore';

function fieldDefOut(f: FieldDef): ExportFieldDef {
  const out: ExportFieldDef = { key: f.key, label: f.label, kind: f.kind };
  if (f.kind === 'choice') out.options = f.options.map(({ value, label }) => ({ value, label }));
  if (f.kind === 'scale') {
    out.min = f.min;
    out.max = f.max;
  }
  return out;
}

function itemTypeOut(d: ItemTypeDef): ExportItemType {
  return { type: d.type, label: d.label, titleField: d.titleField, fields: d.fields.map(fieldDefOut) };
}

function scoreOut(dimension: RubricDimensionId, s: DimensionScore): ExportRubricScore {
  const band = s.score === null ? null : bandOf(s.score);
  const guide = band ? RUBRIC_GUIDE[dimension].bands[band.id] : null;
  return {
    score: s.score,
    band: band?.id ?? null,
    bandLabel: band?.label ?? null,
    guidepost: guide?.guidepost ?? null,
    next: guide?.next ?? null,
    rationale: s.rationale,
    // readRubric has already dropped malformed entries and kept only the known fields.
    evidence: s.evidence.map((e) => ({ ...e, itemIds: [...e.itemIds] })),
  };
}

/**
 * The export document of a board, from its Y.Doc (live or loaded from storage), its stored row
 * and the participants storage recorded. Pure: the same doc, row, participants and time give
 * the same document. Uses the functions behind the board's panels: `resultsOfDoc` (extraction),
 * `readRubric`, `readActions` and `boardNotes`.
 */
export function buildExport(
  doc: Y.Doc,
  row: BoardRow,
  participants: readonly ParticipantRow[],
  now: Date = new Date(),
  /** The vote rounds of the board's control document (shared/doc/votes.ts readRounds). */
  rounds: readonly VoteRound[] = [],
): BoardExport {
  const results = resultsOfDoc(doc, row, rounds);
  const exercise = getExercise(row.templateId);
  // resultsOfDoc has already refused a template that is not installed.
  const template = exercise!.template;
  const zoneLabel = new Map(template.zones.map((z) => [z.id, z.label]));

  const toItem = (i: ResultItem): ExportItem => ({
    id: i.id,
    type: i.type,
    typeLabel: i.typeLabel,
    title: i.title,
    fields: { ...i.fields },
    zoneId: i.zoneId,
    zoneLabel: i.zoneId ? (zoneLabel.get(i.zoneId) ?? i.zoneId) : null,
    stepIds: [...i.stepIds],
    x: i.x,
    y: i.y,
    w: i.w,
    h: i.h,
    createdBy: i.createdBy ?? null,
    createdAt: i.createdAt ?? null,
    updatedBy: i.updatedBy ?? null,
    updatedAt: i.updatedAt ?? null,
  });
  const items = new Map(results.items.map((i) => [i.id, toItem(i)]));

  const itemTypes: ExportItemType[] = exercise!.itemTypes.map(itemTypeOut);
  for (const i of results.items) {
    if (itemTypes.some((t) => t.type === i.type)) continue;
    const def = getItemType(i.type);
    if (def) itemTypes.push(itemTypeOut(def));
  }
  const connectorKinds: ExportConnectorKind[] = exercise!.connectorKinds.map((k) => ({
    kind: k.kind,
    label: k.label,
    fields: k.fields.map(fieldDefOut),
  }));

  const promptOf = new Map(template.steps.map((s) => [s.id, s]));
  const steps = results.steps.map((s) => ({
    id: s.id,
    title: s.title,
    prompt: promptOf.get(s.id)?.prompt ?? '',
    minutes: promptOf.get(s.id)?.minutes ?? 0,
    zoneId: s.zoneId,
    zoneLabel: s.zoneId ? (zoneLabel.get(s.zoneId) ?? s.zoneId) : null,
    items: s.itemIds.map((id) => items.get(id)).filter((i): i is ExportItem => !!i),
  }));
  const inSteps = new Set(steps.flatMap((s) => s.items.map((i) => i.id)));

  const rubric: ExportRubric = {
    dimensions: RUBRIC_DIMENSION_IDS.map((id) => ({ id, label: RUBRIC_GUIDE[id].title, description: RUBRIC_GUIDE[id].description })),
    bands: RUBRIC_BANDS.map(({ id, label, min, max }) => ({ id, label, min, max, description: BAND_DESCRIPTIONS[id] })),
    sessions: readRubric(doc).map((session) => ({
      date: session.date,
      scores: Object.fromEntries(RUBRIC_DIMENSION_IDS.map((d) => [d, scoreOut(d, session.scores[d])])) as Record<RubricDimensionId, ExportRubricScore>,
    })),
  };

  // An action may come from any shape (a sticky too), so existence is checked on all records.
  const records = readRecords(doc);
  const statusLabel = new Map<string, string>(ACTION_STATUSES.map((s) => [s.value, s.label]));
  const actions = readActions(doc).map((a) => ({
    ...a,
    statusLabel: statusLabel.get(a.status) ?? a.status,
    sourceExists: a.sourceItemId !== '' && records.has(a.sourceItemId),
  }));

  const participantsOut: ExportParticipant[] = participants.map((p) => ({
    id: p.userId,
    name: p.name,
    role: p.role,
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
  }));

  const variant = results.variant ? { id: results.variant, title: template.variants?.find((v) => v.id === results.variant)?.title ?? results.variant } : null;

  return {
    exportVersion: EXPORT_VERSION,
    resultsVersion: results.resultsVersion,
    exportedAt: now.toISOString(),
    board: {
      id: results.board.id,
      title: results.board.title,
      region: results.board.region,
      sector: results.board.sector,
      template: { id: template.id, title: template.title, version: results.templateVersion },
      variant,
      createdAt: results.board.createdAt,
    },
    participants: participantsOut,
    itemTypes,
    connectorKinds,
    steps,
    itemsOutsideSteps: [...items.values()].filter((i) => !inSteps.has(i.id)),
    connections: results.connections.map((c) => ({
      ...c,
      fields: { ...c.fields },
      fromTitle: c.fromId ? (items.get(c.fromId)?.title ?? null) : null,
      toTitle: c.toId ? (items.get(c.toId)?.title ?? null) : null,
    })),
    figures: results.figures,
    rubric,
    actions,
    notes: boardNotes(doc, exercise!).map((n) => ({
      stepId: n.stepId,
      stepTitle: n.stepTitle,
      text: n.text,
      markdown: n.markdown,
      blocks: n.blocks,
      review: n.review,
    })),
    votes: results.votes,
  };
}
