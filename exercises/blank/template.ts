import type { ExerciseTemplate } from '../../shared/template';

/** An empty board: no steps, no zones, every drawing tool. */
export const blankTemplate: ExerciseTemplate = {
  id: 'blank',
  title: 'Blank board',
  purpose: 'A free canvas for anything the team needs to draw or collect.',
  version: 1,
  steps: [],
  zones: [],
};
