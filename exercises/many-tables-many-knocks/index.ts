/**
 * Many Tables, Many Knocks: a regional team diagnoses how fragmented its engagement with
 * businesses is, in five steps (employer journey, tables, knocks, ideal and real alternative).
 * Items: `table`, `knock`, `gap` (own) plus the shared `quote`, `journey-step`, `idea`, `action`.
 * Connectors: `overlaps` (table ↔ table: same businesses / same purpose / both) and
 * `knock-overlap` (knock ↔ knock: same businesses, same purpose, employer-fatigue risk).
 * Figures: tables per convener type (with average rating), overlapping tables, gaps, knocks per
 * organization, businesses named on more than one knock (text rule in figures.ts
 * `splitBusinesses`), overlapping knocks, fatigue risks, ideas by outcome, feasible ideas,
 * actions, actions without an owner, unfinished connectors.
 */
import type { ExerciseDef } from '../kit/definitions';
import { actionItem, ideaItem, journeyStepItem, quoteItem } from '../common/items';
import { connectorKinds } from './connectors';
import { figures } from './figures';
import { evidence } from './evidence';
import { gapItem, knockItem, tableItem } from './items';
import { manyTablesManyKnocksTemplate } from './template';

export const manyTablesManyKnocks: ExerciseDef = {
  template: manyTablesManyKnocksTemplate,
  itemTypes: [quoteItem, journeyStepItem, tableItem, gapItem, knockItem, ideaItem, actionItem],
  connectorKinds,
  figures,
  evidence,
  // A sector that many partners already knock on is, by the manual, one that merits joint action;
  // the map is the on-the-ground knowledge the scope questions ask for, and the "real
  // alternative" weighs the region's size, i.e. the partnership's footprint.
  reviewPhase: 'industry-scope',
};
