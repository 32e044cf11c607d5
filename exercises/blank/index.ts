import type { ExerciseDef } from '../kit/definitions';
import { blankTemplate } from './template';

export const blank: ExerciseDef = {
  template: blankTemplate,
  itemTypes: [],
  connectorKinds: [],
  figures: () => [],
  // A blank board follows no exercise of the manual, so its debrief starts where the manual
  // starts, with the support team; the team picks another phase in the Notes tab as needed.
  reviewPhase: 'support-team',
};
