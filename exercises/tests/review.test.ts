import { describe, expect, it } from 'vitest';
import { BOARD_NOTE_KEY } from '../../shared/doc/docLayout';
import { EXERCISES } from '../registry';
import { isReviewPhaseId, REVIEW_PHASE_IDS, REVIEW_PHASES, reviewPhase, reviewQuestion } from '../kit/review';

describe('after-action review checklist data', () => {
  it('has the manual’s six phases, in order', () => {
    expect(REVIEW_PHASES.map((p) => p.id)).toEqual([...REVIEW_PHASE_IDS]);
    expect(REVIEW_PHASES.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives every phase at least three questions, with unique ids named after the phase', () => {
    const ids = REVIEW_PHASES.flatMap((p) => p.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of REVIEW_PHASES) {
      expect(p.questions.length, p.id).toBeGreaterThanOrEqual(3);
      for (const q of p.questions) {
        expect(q.id.startsWith(`${p.id}.`), q.id).toBe(true);
        expect(q.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
        expect(q.text.trim().endsWith('?'), q.id).toBe(true);
        expect(reviewQuestion(q.id)).toEqual({ phase: p, question: q });
      }
    }
    expect(reviewQuestion('launch.nope')).toBeUndefined();
  });

  it('gives every exercise a debrief phase with at least three questions', () => {
    for (const e of EXERCISES) {
      expect(e.reviewPhase, e.template.id).toBeDefined();
      expect(reviewPhase(e.reviewPhase!).questions.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('names only steps of the exercise and known phases in per-step debrief phases', () => {
    for (const e of EXERCISES) {
      for (const [stepId, phaseId] of Object.entries(e.stepReviewPhases ?? {})) {
        expect(e.template.steps.map((s) => s.id), `${e.template.id}: ${stepId}`).toContain(stepId);
        expect(isReviewPhaseId(phaseId), `${e.template.id}: ${phaseId}`).toBe(true);
      }
    }
  });

  it('never uses the board note’s key as a step id', () => {
    for (const e of EXERCISES) for (const s of e.template.steps) expect(s.id).not.toBe(BOARD_NOTE_KEY);
  });
});
