import type { ExerciseDef } from '../kit/definitions';
import { blankTemplate } from './template';

export const blank: ExerciseDef = {
  template: blankTemplate,
  itemTypes: [],
  connectorKinds: [],
  figures: () => [],
};
