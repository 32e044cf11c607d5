/**
 * Journey map: the path a business (employer variant) or a jobseeker/student (jobseeker
 * variant) takes through each program. Cards: shared `journey-step` (program = lane, stage,
 * stage name for a stage the team adds, description, annotation) placed in four stage columns
 * and a fifth for added stages, and shared `quote` cards in the quotes strip. Connector:
 * `handoff` between steps (quality smooth | bumpy | broken, notes). Each program lead first
 * drafts their lane alone (the solo-draft step).
 * Figures (figures.ts): steps per program and stage (one column per added stage), handoffs
 * across programs, redundant steps (employer) or missed connections and points of connection
 * (jobseeker), weak and strong points, bumpy/broken handoffs,
 * programs with no follow-through step, stage field vs column mismatches, unfinished handoffs.
 * The stage column a card sits in is the truth; the stage field counts only outside columns.
 */
import type { ExerciseDef } from '../kit/definitions';
import { journeyMapConnectors } from './connectors';
import { figures } from './figures';
import { evidence } from './evidence';
import { journeyMapItemTypes } from './items';
import { journeyMapTemplate } from './template';

export const journeyMap: ExerciseDef = {
  template: journeyMapTemplate,
  itemTypes: journeyMapItemTypes,
  connectorKinds: journeyMapConnectors,
  figures,
  evidence,
  // Mapping the paths employers or jobseekers take through each program shows the fragmented,
  // one-organization-at-a-time engagement that step 1 asks partners to replace with one shared
  // table and clear roles.
  reviewPhase: 'support-team',
};
