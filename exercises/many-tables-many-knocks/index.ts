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
  // The manual's first step makes the case that coordinating public programs is the best way to
  // engage employers, and its review asks whether partners will work through one shared table
  // instead of separate outreach: the very diagnosis this map makes.
  reviewPhase: 'support-team',
};
