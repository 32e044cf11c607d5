/**
 * Influence map and tipping the scales: who has sway, who is committed, and whether each
 * priority area's task force is set up to succeed. Cards: `stakeholder` (name, organization,
 * role category, influence 1-5, commitment 1-5 or empty = unknown) placed on an influence ×
 * commitment grid of four quadrant zones, and `priority` (priority area / task force, desired
 * outcome, success measure, relevant support partners on it, 60-day quick win + "identified"
 * and "achieved" boxes) in the priorities zone. Connectors: `influence`
 * ("can bring in", stakeholder → stakeholder) and `member` (stakeholder → priority, role member |
 * chair | facilitator). Figures (figures.ts): the tipping-the-scales table per priority area
 * (six yes/no checks, the quick win achieved and the members still to win over), the count of
 * priority areas (three to five),
 * high-influence low-commitment stakeholders to win over (with who can bring them in),
 * stakeholders on no task force, stakeholders by role category, ratings that contradict their
 * quadrant, unfinished or misdrawn arrows. Ratings are the truth; quadrants are a fallback.
 */
import type { ExerciseDef } from '../kit/definitions';
import { influenceMapConnectors } from './connectors';
import { figures } from './figures';
import { evidence } from './evidence';
import { influenceMapItemTypes } from './items';
import { influenceMapTemplate } from './template';

export const influenceMap: ExerciseDef = {
  template: influenceMapTemplate,
  itemTypes: influenceMapItemTypes,
  connectorKinds: influenceMapConnectors,
  figures,
  evidence,
  // The manual's tool for step 5: task forces led by employer champions, support partners
  // where they add value, quick wins.
  reviewPhase: 'move-to-action',
};
