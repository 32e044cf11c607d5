import { useValue } from 'tldraw';
import type { ExerciseDef } from '../../../exercises/kit/definitions';
import type { WorkspaceState } from '../workspace/WorkspaceState';

/**
 * The step the notes follow: the one the steps panel shows. The only place the Notes tab learns
 * it from, so a shared "current step" can replace it here.
 */
export function useCurrentStepId(ui: WorkspaceState, exercise: ExerciseDef | undefined): string | null {
  const index = useValue('notesCurrentStep', () => ui.currentStep.get(), [ui]);
  const steps = exercise?.template.steps ?? [];
  return steps[index]?.id ?? steps[0]?.id ?? null;
}
