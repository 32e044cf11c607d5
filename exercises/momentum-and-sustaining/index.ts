/**
 * Building momentum and sustaining (the manual's worksheet for partnerships that have
 * launched): the five checks of moving from ideas to action (`ideas-to-action`, yes / no / not
 * yet each) and what is needed where they fall short (`momentum-need`: the manual's options,
 * details, owner); the sustainability questions answered by the people in each role, one card
 * each (`convener-check`, `support-team-check`, `employer-check`); the two closing next-steps
 * questions as shared `action` cards in their zones. No connectors. Figures (figures.ts): the
 * checks, what is needed, who answered, the answers of each role, the next steps.
 */
import { actionItem } from '../common/items';
import type { ExerciseDef } from '../kit/definitions';
import { evidence } from './evidence';
import { figures } from './figures';
import { momentumItemTypes } from './items';
import { momentumTemplate } from './template';

export const momentumAndSustaining: ExerciseDef = {
  template: momentumTemplate,
  itemTypes: [...momentumItemTypes, actionItem],
  connectorKinds: [],
  figures,
  evidence,
  // The worksheet's second part is the manual's step 6; its first part, moving from ideas to
  // action, is step 5, so those two steps start from that review.
  reviewPhase: 'sustain-evolve',
  stepReviewPhases: { 'ideas-to-action': 'move-to-action', 'what-is-needed': 'move-to-action' },
};
