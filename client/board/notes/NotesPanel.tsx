import { useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { noteName } from '../../../shared/doc/docLayout';
import type { ExerciseDef } from '../../../exercises/kit/definitions';
import { BOARD_NOTE_TITLE, reviewPhaseOf } from '../../../exercises/kit/boardNotes';
import { localUser } from '../../lib/user';
import { NoteEditor, type NoteEditorHandle } from './NoteEditor';
import { ReviewChecklist } from './ReviewChecklist';
import './notes.css';

export interface NotesPanelProps {
  doc: Y.Doc;
  exercise: ExerciseDef;
  readOnly: boolean;
  /** The step shown by default (the steps panel's); null on boards without steps. */
  currentStepId: string | null;
}

/**
 * The Notes tab: one step's notes (a collaborative rich-text document) and its after-action
 * after-action review. The step select follows the current step until someone picks another one,
 * and follows it again once the current step moves on. A board without steps has one note.
 */
export function NotesPanel({ doc, exercise, readOnly, currentStepId }: NotesPanelProps) {
  const steps = exercise.template.steps;
  // A pick holds while the current step it was made against is still current.
  const [pick, setPick] = useState<{ stepId: string; against: string | null } | null>(null);
  const stepId = steps.length === 0 ? null : pick && pick.against === currentStepId && steps.some((s) => s.id === pick.stepId) ? pick.stepId : currentStepId;
  const step = steps.find((s) => s.id === stepId);
  const title = step?.title ?? BOARD_NOTE_TITLE;
  const phaseId = reviewPhaseOf(exercise, stepId);
  const selectId = useId();
  const editor = useRef<NoteEditorHandle>(null);

  return (
    <div className="notes-panel" data-testid="notes">
      {steps.length > 0 ? (
        <div className="field notes-field notes-step">
          <label htmlFor={selectId}>Step</label>
          <select
            id={selectId}
            value={stepId ?? ''}
            onChange={(e) => setPick({ stepId: e.target.value, against: currentStepId })}
            data-testid="notes-step"
          >
            {steps.map((s, i) => (
              <option key={s.id} value={s.id}>
                {`${i + 1}. ${s.title}${s.id === currentStepId ? ' (current)' : ''}`}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="hint notes-board">Notes for the whole board.</p>
      )}
      <NoteEditor
        // A new editor per note (and per doc): a binding cannot be moved to another document.
        key={`${doc.guid}:${noteName(stepId)}`}
        ref={editor}
        doc={doc}
        rootName={noteName(stepId)}
        label={`Notes for ${title}`}
        readOnly={readOnly}
      />
      {phaseId && (
        <ReviewChecklist
          key={`review-${stepId ?? ''}`}
          doc={doc}
          stepId={stepId}
          defaultPhase={phaseId}
          readOnly={readOnly}
          author={() => localUser.get().name.trim() || 'Anonymous'}
          onAnswer={(question) => editor.current?.answer(question)}
        />
      )}
    </div>
  );
}
