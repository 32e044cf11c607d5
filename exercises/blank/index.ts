import type { ExerciseDef } from '../kit/definitions';
import { blankTemplate } from './template';

export const blank: ExerciseDef = {
  template: blankTemplate,
  itemTypes: [],
  connectorKinds: [],
  figures: () => [],
  // Steps 3 and 4 (preparing and holding the launch) have no structured exercise here: teams
  // plan champions, invitations and the launch agenda on a blank board.
  reviewPhase: 'prepare-launch',
};
