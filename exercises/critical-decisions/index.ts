/**
 * Response and critical decisions (the manual's module on coordinating business services): the
 * team answers the manual's questions in three categories (outreach coordination and a
 * consistent method, including a single point of contact; shared marketing or common branding;
 * staff development) and where the sector partnership fits (`coordination-answer`: question,
 * answer, in place / partly / not yet), then takes decisions with owners
 * (`coordination-decision`: category by zone, owner, by when, agreed by all). Tables and knocks
 * copied from a Many Tables board (the shared `table` and `knock` types) sit in their own zone;
 * an `addresses` arrow ties a decision to what it changes. Figures (figures.ts): questions
 * answered, open questions, the single point of contact, decisions by category, decisions
 * without an owner, where the partnership fits, tables and knocks the decisions change,
 * unfinished connectors.
 */
import type { ExerciseDef } from '../kit/definitions';
import { knockItem, tableItem } from '../many-tables-many-knocks/items';
import { criticalDecisionsConnectors } from './connectors';
import { evidence } from './evidence';
import { figures } from './figures';
import { criticalDecisionsItemTypes } from './items';
import { criticalDecisionsTemplate } from './template';

export const criticalDecisions: ExerciseDef = {
  template: criticalDecisionsTemplate,
  itemTypes: [...criticalDecisionsItemTypes, tableItem, knockItem],
  connectorKinds: criticalDecisionsConnectors,
  figures,
  evidence,
  // Agreeing how partners coordinate their outreach, who owns each decision and where the
  // partnership sits is the roles-and-responsibilities question of the manual's first step.
  reviewPhase: 'support-team',
};
