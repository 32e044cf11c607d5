import { RUBRIC_DIMENSION_IDS, type DimensionScore, type EvidenceEntry, type ProposedEvidence, type RubricDimensionId, type RubricAssessment } from '../../../shared/rubric';

/**
 * What the rubric panel shows, as pure functions of the stored assessments and the live proposals:
 * the list of dates, the assessment to compare with, and each dimension's evidence split into what
 * the team accepted, what the board proposes and the team has not decided on, and what it
 * dismissed.
 */

/** Today's date in the browser's time zone, YYYY-MM-DD. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The dates to offer: every stored assessment date plus today and the selected one, newest first. */
export function assessmentDates(assessments: readonly RubricAssessment[], today: string, selected: string): string[] {
  return [...new Set([...assessments.map((s) => s.date), today, selected])].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

const EMPTY: DimensionScore = { score: null, rationale: '', evidence: [] };

/** An assessment's scores, empty for a date nothing was stored under yet. */
export function assessmentOn(assessments: readonly RubricAssessment[], date: string): RubricAssessment {
  return assessments.find((s) => s.date === date) ?? { date, scores: Object.fromEntries(RUBRIC_DIMENSION_IDS.map((d) => [d, EMPTY])) as RubricAssessment['scores'] };
}

/** The latest earlier assessment with at least one score: what the chart compares with. */
export function previousAssessment(assessments: readonly RubricAssessment[], date: string): RubricAssessment | null {
  let best: RubricAssessment | null = null;
  for (const s of assessments) {
    if (s.date >= date || !RUBRIC_DIMENSION_IDS.some((d) => s.scores[d].score !== null)) continue;
    if (!best || s.date > best.date) best = s;
  }
  return best;
}

export interface AcceptedEvidence extends EvidenceEntry {
  /**
   * For accepted proposals: 'same' while the board still proposes it as accepted, 'changed' with
   * `current` when the board now words it differently, 'gone' when the board no longer proposes
   * it. Team evidence is always 'team'.
   */
  freshness: 'same' | 'changed' | 'gone' | 'team';
  current?: ProposedEvidence;
}

export interface EvidenceView {
  accepted: AcceptedEvidence[];
  /** Live proposals the team has not decided on, in the board's order. */
  proposals: ProposedEvidence[];
  dismissed: EvidenceEntry[];
}

/**
 * Splits a dimension's stored evidence and the board's live proposals (all dimensions) into what
 * the panel lists. A stored decision (accepted or dismissed) hides the proposal with the same id,
 * so a dismissed proposal stays dismissed when the board recomputes. Accepted proposals come in
 * the board's order, then those it no longer proposes, then the team's own (by id, which starts
 * with the time it was written).
 */
export function evidenceView(dimension: RubricDimensionId, stored: readonly EvidenceEntry[], proposals: readonly ProposedEvidence[]): EvidenceView {
  const live = proposals.filter((p) => p.dimension === dimension);
  const rank = new Map(live.map((p, i) => [p.id, i]));
  const decided = new Map(stored.filter((e) => e.status !== 'proposed').map((e) => [e.id, e]));
  const accepted: AcceptedEvidence[] = [];
  for (const e of decided.values()) {
    if (e.status !== 'accepted') continue;
    if (e.origin === 'team') {
      accepted.push({ ...e, freshness: 'team' });
      continue;
    }
    const current = live.find((p) => p.id === e.id);
    if (!current) accepted.push({ ...e, freshness: 'gone' });
    else if (current.text === e.text || e.edited) accepted.push({ ...e, freshness: 'same' });
    else accepted.push({ ...e, freshness: 'changed', current });
  }
  const order = (e: AcceptedEvidence) => (e.freshness === 'team' ? 2 : e.freshness === 'gone' ? 1 : 0);
  accepted.sort((a, b) => order(a) - order(b) || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    accepted,
    proposals: live.filter((p) => !decided.has(p.id)),
    dismissed: [...decided.values()].filter((e) => e.status === 'dismissed'),
  };
}

/** The entry stored when the team accepts a proposal, with its own wording when it edited it. */
export function acceptedEntry(p: ProposedEvidence, text = p.text): EvidenceEntry {
  const entry: EvidenceEntry = { id: p.id, text: text.trim(), origin: 'proposed', status: 'accepted', itemIds: [...p.itemIds] };
  if (p.figureId) entry.figureId = p.figureId;
  if (entry.text !== p.text) entry.edited = true;
  return entry;
}

/** The entry stored when the team dismisses a proposal. */
export function dismissedEntry(p: ProposedEvidence): EvidenceEntry {
  const entry: EvidenceEntry = { id: p.id, text: p.text, origin: 'proposed', status: 'dismissed', itemIds: [...p.itemIds] };
  if (p.figureId) entry.figureId = p.figureId;
  return entry;
}

/** A new id for evidence the team writes: the time first, so ids sort in writing order. */
export function teamEvidenceId(now = Date.now(), random = Math.random): string {
  return `team:${now.toString(36).padStart(9, '0')}-${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

/** Validates evidence text the team typed; returns the problem or null. */
export function evidenceTextProblem(text: string): string | null {
  if (text.trim() === '') return 'Write what the evidence is.';
  if (text.length > 2000) return `Keep it under 2000 characters (now ${text.length}).`;
  return null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "4 Mar 2025" for 2025-03-04 (the stored text when it is not a date). */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
