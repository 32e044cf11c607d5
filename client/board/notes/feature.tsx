import { lazyChunk } from '../../components/LazyChunk';
import type { BoardFeature } from '../workspace/boardFeature';
import { lazyTab } from '../workspace/lazyTab';
import { useCurrentStepId } from './currentStep';

const NotesChunk = lazyChunk(() => import('./NotesPanel'), (m) => m.NotesPanel);

/** The Notes tab: the notes of the step the steps panel shows, with the review checklist. */
export const notesFeature: BoardFeature = {
  id: 'notes',
  useTab({ ready, doc, exercise, readOnly, ui }) {
    const stepId = useCurrentStepId(ui, exercise);
    if (!ready || !doc || !exercise) return null;
    return lazyTab('notes', 'Notes', NotesChunk, <NotesChunk.Component doc={doc} exercise={exercise} readOnly={readOnly} currentStepId={stepId} />);
  },
};
