/**
 * The partnership self-assessment rubric: three dimensions scored 1-10, each score in a band.
 * Stored per assessment date in the doc under DOC_RUBRIC (see docLayout.ts).
 */
export const RUBRIC_DIMENSION_IDS = ['industry-engagement', 'regional-coordination', 'career-pathways'] as const;
export type RubricDimensionId = (typeof RUBRIC_DIMENSION_IDS)[number];

export const RUBRIC_BANDS = [
  { id: 'exploring', label: 'Exploring', min: 1, max: 3 },
  { id: 'developing', label: 'Developing', min: 4, max: 5 },
  { id: 'active', label: 'Active', min: 6, max: 8 },
  { id: 'role-model', label: 'Role Model', min: 9, max: 10 },
] as const;
export type RubricBandId = (typeof RUBRIC_BANDS)[number]['id'];

/** True for the scores a team may give: whole numbers from 1 to 10. */
export function isValidScore(score: unknown): score is number {
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 10;
}

/** The band of a score; throws a RangeError for anything but a whole number from 1 to 10. */
export function bandOf(score: number): (typeof RUBRIC_BANDS)[number] {
  if (!isValidScore(score)) throw new RangeError(`A rubric score is a whole number from 1 to 10, got ${score}`);
  return RUBRIC_BANDS.find((b) => score >= b.min && score <= b.max)!;
}

/** One piece of evidence behind a score. */
export interface EvidenceEntry {
  /** Stable id: a proposal keeps its id across recomputations, so the team's decision sticks. */
  id: string;
  text: string;
  /** 'proposed' comes from the board's results; 'team' was written by the team. */
  origin: 'proposed' | 'team';
  status: 'proposed' | 'accepted' | 'dismissed';
  /** Board items behind it (zoom target). */
  itemIds: string[];
  /** Figure it was derived from, if any. */
  figureId?: string;
  /** True when the team reworded a proposal before accepting it. */
  edited?: boolean;
}

export interface DimensionScore {
  score: number | null;
  rationale: string;
  evidence: EvidenceEntry[];
}

export interface RubricAssessment {
  /** The date it was assessed on, YYYY-MM-DD. */
  date: string;
  scores: Record<RubricDimensionId, DimensionScore>;
}

/**
 * A piece of evidence the product derives from a board's results for the team to accept, edit or
 * dismiss. `id` is stable across recomputations (`<exercise id>:<rule>:<key>`), so a decision
 * stored under it (see EvidenceEntry) keeps applying while the board changes.
 */
export interface ProposedEvidence {
  id: string;
  dimension: RubricDimensionId;
  text: string;
  /** Board items behind it (zoom target). */
  itemIds: string[];
  /** Figure it was derived from, if any. */
  figureId?: string;
}
