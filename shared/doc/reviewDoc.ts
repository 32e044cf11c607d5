import type * as Y from 'yjs';
import { BOARD_NOTE_KEY, DOC_REVIEW } from './docLayout';

/**
 * The after-action review answers in a board's Y.Doc: one flat Y.Map (DOC_REVIEW) with two
 * registers per question of a step:
 *  - `<stepId>|<questionId>` → StoredAnswer `{ answer, checked, by, at }`: yes / no / not yet, or
 *    null once cleared;
 *  - `<stepId>|<questionId>|text` → StoredText `{ text, by, at }`: the short answer in words.
 * (`board|…` on boards without steps.) Each register is last-writer-wins on its own, so two
 * people answering two questions, or one choosing "yes" while another types the answer's text,
 * all keep their edit; two edits of the same register at once resolve to one of them for
 * everyone. Writers validate and throw, leaving the doc unchanged; readers skip junk.
 *
 * Earlier boards stored a tick, `{ checked, by, at }` without `answer`: a tick reads as "yes", an
 * untick as not answered. New answers still write `checked` (true for "yes") so a reader that
 * only knows ticks reads them sensibly, and such a reader skips the `|text` keys (not a question
 * id). The questions themselves are data (exercises/kit/review.ts).
 */

export const REVIEW_ANSWERS = ['yes', 'no', 'not-yet'] as const;
export type ReviewAnswerValue = (typeof REVIEW_ANSWERS)[number];
export const REVIEW_ANSWER_LABELS: Readonly<Record<ReviewAnswerValue, string>> = { yes: 'Yes', no: 'No', 'not-yet': 'Not yet' };

/** A question's answer as read: the choice and the text, each with who set it last and when. */
export interface ReviewAnswer {
  /** null: not answered (or cleared). */
  answer: ReviewAnswerValue | null;
  /** The answer in words ('' when none). */
  text: string;
  /** Who set the choice last and when (ISO); '' when never set. */
  by: string;
  at: string;
  /** Who wrote the text last and when (ISO); '' when never written. */
  textBy: string;
  textAt: string;
}

interface StoredAnswer {
  answer: ReviewAnswerValue | null;
  checked: boolean;
  by: string;
  at: string;
}

interface StoredText {
  text: string;
  by: string;
  at: string;
}

const SEP = '|';
const TEXT_SUFFIX = '|text';
const STEP_KEY = /^[A-Za-z0-9_-]{1,100}$/;
const QUESTION_ID = /^[a-z0-9-]{1,60}\.[a-z0-9-]{1,60}$/;
export const MAX_REVIEW_BY = 200;
export const MAX_REVIEW_TEXT = 500;

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

export function reviewTextKey(stepId: string | null, questionId: string): string {
  return `${reviewKey(stepId, questionId)}${TEXT_SUFFIX}`;
}

export function isReviewAnswerValue(v: unknown): v is ReviewAnswerValue {
  return typeof v === 'string' && (REVIEW_ANSWERS as readonly string[]).includes(v);
}

/** True when the question has a choice or some text. */
export function isAnswered(a: ReviewAnswer | undefined): boolean {
  return !!a && (a.answer !== null || a.text.trim() !== '');
}

function who(v: Record<string, unknown>): { by: string; at: string } | null {
  return typeof v.by === 'string' && typeof v.at === 'string' ? { by: v.by, at: v.at } : null;
}

/** The choice of a stored answer register (a legacy tick included), or undefined for junk. */
function readChoice(value: unknown): { answer: ReviewAnswerValue | null; by: string; at: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const meta = who(v);
  if (!meta) return undefined;
  if ('answer' in v) {
    if (v.answer === null || isReviewAnswerValue(v.answer)) return { answer: v.answer, ...meta };
    return undefined;
  }
  // An earlier tick: checked means "yes", unchecked means nothing was answered.
  if (typeof v.checked === 'boolean') return { answer: v.checked ? 'yes' : null, ...meta };
  return undefined;
}

function readText(value: unknown): StoredText | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const meta = who(v);
  return meta && typeof v.text === 'string' ? { text: v.text.slice(0, MAX_REVIEW_TEXT), ...meta } : undefined;
}

/**
 * What is wrong with writing `value` under `key` of the review map, or null when setReviewAnswer
 * or setReviewText could have written it (or an earlier app's tick): the relay refuses anything
 * else from a client.
 */
export function reviewValueProblem(key: string, value: unknown): string | null {
  const at = key.indexOf(SEP);
  const isText = key.endsWith(TEXT_SUFFIX);
  const question = key.slice(at + 1, isText ? key.length - TEXT_SUFFIX.length : key.length);
  if (at < 0 || !STEP_KEY.test(key.slice(0, at)) || !QUESTION_ID.test(question)) return `"${key.slice(0, 80)}" is not a review key`;
  const v = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const meta = v && who(v);
  if (!v || !meta) return 'a review answer is an object with by and at';
  if (meta.by.length > MAX_REVIEW_BY || meta.at.length > 40) return `a review answer names who wrote it in at most ${MAX_REVIEW_BY} characters`;
  if (isText) {
    if (typeof v.text !== 'string' || v.text.length > MAX_REVIEW_TEXT) return `a review answer's text is a string of at most ${MAX_REVIEW_TEXT} characters`;
    return null;
  }
  if ('answer' in v && v.answer !== null && !isReviewAnswerValue(v.answer)) return `a review answer is one of ${REVIEW_ANSWERS.join(', ')} or null`;
  if ('checked' in v && typeof v.checked !== 'boolean') return 'checked is true or false';
  if (!('answer' in v) && !('checked' in v)) return 'a review answer has answer (or checked)';
  return null;
}

const EMPTY: ReviewAnswer = { answer: null, text: '', by: '', at: '', textBy: '', textAt: '' };

/** Every well-formed answer by step key, then question id. */
export function readReview(doc: Y.Doc): Map<string, Map<string, ReviewAnswer>> {
  const out = new Map<string, Map<string, ReviewAnswer>>();
  const entry = (step: string, question: string): ReviewAnswer => {
    let forStep = out.get(step);
    if (!forStep) out.set(step, (forStep = new Map()));
    let a = forStep.get(question);
    if (!a) forStep.set(question, (a = { ...EMPTY }));
    return a;
  };
  for (const [key, value] of reviewMap(doc).entries()) {
    const at = key.indexOf(SEP);
    if (at < 0) continue;
    const step = key.slice(0, at);
    const isText = key.endsWith(TEXT_SUFFIX);
    const question = key.slice(at + 1, isText ? key.length - TEXT_SUFFIX.length : key.length);
    if (!STEP_KEY.test(step) || !QUESTION_ID.test(question)) continue;
    if (isText) {
      const t = readText(value);
      if (t) Object.assign(entry(step, question), { text: t.text, textBy: t.by, textAt: t.at });
    } else {
      const c = readChoice(value);
      if (c) Object.assign(entry(step, question), c);
    }
  }
  return out;
}

/** The answers of one step (`null`: the whole board) by question id. */
export function readStepReview(doc: Y.Doc, stepId: string | null): Map<string, ReviewAnswer> {
  return readReview(doc).get(reviewStepKey(stepId)) ?? new Map();
}

function check(stepId: string | null, questionId: string, by: string, now: Date): void {
  const step = reviewStepKey(stepId);
  if (!STEP_KEY.test(step)) throw new TypeError(`not a step id: "${step}"`);
  if (!QUESTION_ID.test(questionId)) throw new TypeError(`not a review question id: "${questionId}"`);
  if (typeof by !== 'string' || by.length > MAX_REVIEW_BY) throw new TypeError(`by must be a name of at most ${MAX_REVIEW_BY} characters`);
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid time');
}

/** Answers a question of a step yes, no or not yet (null clears the choice), recording who and when. */
export function setReviewAnswer(doc: Y.Doc, stepId: string | null, questionId: string, answer: ReviewAnswerValue | null, by: string, now: Date = new Date()): void {
  check(stepId, questionId, by, now);
  if (answer !== null && !isReviewAnswerValue(answer)) throw new TypeError(`answer must be one of ${REVIEW_ANSWERS.join(', ')} or null`);
  const stored: StoredAnswer = { answer, checked: answer === 'yes', by: by.trim() || 'Anonymous', at: now.toISOString() };
  reviewMap(doc).set(reviewKey(stepId, questionId), stored);
}

/** Writes the short answer text of a question of a step ('' clears it), recording who and when. */
export function setReviewText(doc: Y.Doc, stepId: string | null, questionId: string, text: string, by: string, now: Date = new Date()): void {
  check(stepId, questionId, by, now);
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  if (text.length > MAX_REVIEW_TEXT) throw new TypeError(`text must be at most ${MAX_REVIEW_TEXT} characters`);
  const stored: StoredText = { text, by: by.trim() || 'Anonymous', at: now.toISOString() };
  reviewMap(doc).set(reviewTextKey(stepId, questionId), stored);
}
