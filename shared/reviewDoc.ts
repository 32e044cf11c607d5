import type * as Y from 'yjs';
import { BOARD_NOTE_KEY, DOC_REVIEW } from './docLayout';

/**
 * The after-action review checklist in a board's Y.Doc: one flat Y.Map (DOC_REVIEW) with one key
 * per question of a step, `<stepId>|<questionId>` (`board|<questionId>` for a board without
 * steps) → ReviewTick. Each tick is its own last-writer-wins register, so two people ticking two
 * questions at once both keep their tick; a tick and an untick of one question at once resolve
 * to one of them for everyone. Writers validate and throw, leaving the doc unchanged; readers
 * skip anything malformed. The questions themselves are data (exercises/kit/review.ts).
 */
export interface ReviewTick {
  checked: boolean;
  /** Display name of who ticked or unticked it last. */
  by: string;
  /** ISO time of that. */
  at: string;
}

const SEP = '|';
const STEP_KEY = /^[A-Za-z0-9_-]{1,100}$/;
const QUESTION_ID = /^[a-z0-9-]{1,60}\.[a-z0-9-]{1,60}$/;
export const MAX_REVIEW_BY = 200;

export function reviewMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DOC_REVIEW);
}

/** The step part of a key: the step id, or `board` for the whole board. */
export function reviewStepKey(stepId: string | null): string {
  return stepId ?? BOARD_NOTE_KEY;
}

export function reviewKey(stepId: string | null, questionId: string): string {
  return `${reviewStepKey(stepId)}${SEP}${questionId}`;
}

function isTick(value: unknown): value is ReviewTick {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<Record<keyof ReviewTick, unknown>>;
  return typeof v.checked === 'boolean' && typeof v.by === 'string' && typeof v.at === 'string';
}

/**
 * What is wrong with writing `value` under `key` of the review map, or null when setReviewTick
 * could have written it (the relay refuses anything else from a client).
 */
export function reviewValueProblem(key: string, value: unknown): string | null {
  const at = key.indexOf(SEP);
  if (at < 0 || !STEP_KEY.test(key.slice(0, at)) || !QUESTION_ID.test(key.slice(at + 1))) return `"${key.slice(0, 80)}" is not a review key`;
  if (!isTick(value)) return 'a review tick is { checked, by, at }';
  if (value.by.length > MAX_REVIEW_BY || value.at.length > 40) return `a review tick names who ticked it in at most ${MAX_REVIEW_BY} characters`;
  return null;
}

/** Every well-formed tick by step key, then question id. */
export function readReview(doc: Y.Doc): Map<string, Map<string, ReviewTick>> {
  const out = new Map<string, Map<string, ReviewTick>>();
  for (const [key, value] of reviewMap(doc).entries()) {
    const at = key.indexOf(SEP);
    if (at < 0) continue;
    const step = key.slice(0, at);
    const question = key.slice(at + 1);
    if (!STEP_KEY.test(step) || !QUESTION_ID.test(question) || !isTick(value)) continue;
    let forStep = out.get(step);
    if (!forStep) out.set(step, (forStep = new Map()));
    forStep.set(question, { checked: value.checked, by: value.by, at: value.at });
  }
  return out;
}

/** The ticks of one step (`null`: the whole board) by question id. */
export function readStepReview(doc: Y.Doc, stepId: string | null): Map<string, ReviewTick> {
  return readReview(doc).get(reviewStepKey(stepId)) ?? new Map();
}

/** Ticks or unticks a question of a step, recording who and when. */
export function setReviewTick(doc: Y.Doc, stepId: string | null, questionId: string, checked: boolean, by: string, now: Date = new Date()): void {
  const step = reviewStepKey(stepId);
  if (!STEP_KEY.test(step)) throw new TypeError(`not a step id: "${step}"`);
  if (!QUESTION_ID.test(questionId)) throw new TypeError(`not a review question id: "${questionId}"`);
  if (typeof checked !== 'boolean') throw new TypeError('checked must be true or false');
  if (typeof by !== 'string' || by.length > MAX_REVIEW_BY) throw new TypeError(`by must be a name of at most ${MAX_REVIEW_BY} characters`);
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid time');
  const tick: ReviewTick = { checked, by: by.trim() || 'Anonymous', at: now.toISOString() };
  reviewMap(doc).set(reviewKey(stepId, questionId), tick);
}
