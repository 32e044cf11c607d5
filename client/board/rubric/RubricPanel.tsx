import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { proposeEvidence } from '../../../exercises/kit/evidenceKit';
import { bandOf, RUBRIC_BANDS, type DimensionScore, type ProposedEvidence, type RubricAssessment } from '../../../shared/rubric';
import { isCalendarDate, readRubric, rubricMap, setRationale, setScore } from '../../../shared/doc/rubricDoc';
import { RUBRIC_GUIDES, type DimensionGuide } from '../../../shared/rubricGuide';
import { useTextDraft } from '../cards/FieldControl';
import type { LiveResults } from '../cards/liveResults';
import { useWorkspace } from '../workspace/WorkspaceState';
import { RubricChart } from './RubricChart';
import { formatDate, localDate, previousAssessment, assessmentDates, assessmentOn } from './rubricView';
import { type Write, Evidence } from './RubricEvidence';
import './rubric.css';

/** The rationale is written this long after the last keystroke (at once on blur). */
const RATIONALE_DEBOUNCE_MS = 600;

/** Every rubric assessment of the board (one per date), kept current as anyone edits it. */
function useRubricAssessments(doc: Y.Doc): RubricAssessment[] {
  const [assessments, setAssessments] = useState(() => readRubric(doc));
  useEffect(() => {
    const map = rubricMap(doc);
    const update = () => setAssessments(readRubric(doc));
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [doc]);
  return assessments;
}

export interface RubricPanelProps {
  doc: Y.Doc;
  live: LiveResults;
}

/**
 * The self-assessment rubric of the board: per assessment date, a score from 1 to 10 for each of the
 * three dimensions with its band, guidepost and where to start next, the team's rationale, and
 * evidence (proposed from the board's live results, or written by the team). Everything is stored
 * in the board's document, so it is live for everyone; viewers only read.
 */
export function RubricPanel({ doc, live }: RubricPanelProps) {
  const { exercise, readOnly } = useWorkspace();
  const assessments = useRubricAssessments(doc);
  const today = localDate();
  const [date, setDate] = useState(() => (readOnly && assessments.length ? assessments[assessments.length - 1].date : today));
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const proposals = useMemo(() => (live.kind === 'ok' ? proposeEvidence(exercise, live.board, live.results) : []), [live, exercise]);
  const current = assessmentOn(assessments, date);
  const previous = previousAssessment(assessments, date);
  const latest = assessments.length === 0 || date >= assessments[assessments.length - 1].date;

  const write: Write = (fn) => {
    try {
      fn();
      setError(null);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  return (
    <section className="panel-section rubric" aria-labelledby={headingId} data-testid="rubric">
      <h2 id={headingId}>Self-assessment rubric</h2>
      <p className="hint">
        Score each dimension from 1 to 10 and say why. The board proposes evidence from its results; the team decides what counts and which score fits.
      </p>
      <AssessmentDatePicker assessments={assessments} date={date} today={today} onChange={setDate} readOnly={readOnly} />
      {error && (
        <p className="field-error" role="alert">
          Not saved: {error}
        </p>
      )}
      <RubricChart current={current} previous={previous} />
      {RUBRIC_GUIDES.map((g) => (
        <DimensionCard
          key={`${date}|${g.id}`}
          guide={g}
          date={date}
          doc={doc}
          value={current.scores[g.id]}
          proposals={proposals}
          latest={latest}
          readOnly={readOnly}
          write={write}
        />
      ))}
      {live.kind === 'error' && <p className="hint">The board’s results could not be computed, so no evidence is proposed right now.</p>}
    </section>
  );
}

function AssessmentDatePicker({ assessments, date, today, onChange, readOnly }: { assessments: RubricAssessment[]; date: string; today: string; onChange(d: string): void; readOnly: boolean }) {
  const id = useId();
  const stored = new Set(assessments.map((s) => s.date));
  const dates = assessmentDates(assessments, today, date);
  const [other, setOther] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);

  const open = (e: FormEvent) => {
    e.preventDefault();
    if (!isCalendarDate(other)) {
      setProblem('Pick a date, e.g. 2025-03-04.');
      return;
    }
    setProblem(null);
    onChange(other);
    setOther('');
    // Done: the keyboard goes back to the list of dates, which now shows the date.
    if (detailsRef.current) detailsRef.current.open = false;
    selectRef.current?.focus();
  };

  return (
    <div className="rubric-session">
      <label htmlFor={`${id}-session`}>Assessed on</label>
      <select ref={selectRef} id={`${id}-session`} value={date} onChange={(e) => onChange(e.target.value)} data-testid="rubric-session">
        {dates.map((d) => (
          <option key={d} value={d}>
            {formatDate(d)}
            {d === today ? ' (today)' : ''}
            {stored.has(d) ? '' : ' · not started'}
          </option>
        ))}
      </select>
      {!readOnly && (
        <details ref={detailsRef} className="rubric-other-date">
          <summary>Score another date</summary>
          <form onSubmit={open} noValidate>
            <label htmlFor={`${id}-other`}>Assessment date</label>
            <div className="rubric-inline">
              <input
                id={`${id}-other`}
                type="date"
                value={other}
                max="9999-12-31"
                onChange={(e) => setOther(e.target.value)}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-other-error` : undefined}
                data-testid="rubric-other-date"
              />
              <button type="submit" className="button small secondary">
                Open
              </button>
            </div>
            {problem && (
              <p id={`${id}-other-error`} className="field-error" role="alert">
                {problem}
              </p>
            )}
          </form>
        </details>
      )}
    </div>
  );
}

interface DimensionCardProps {
  guide: DimensionGuide;
  date: string;
  doc: Y.Doc;
  value: DimensionScore;
  proposals: ProposedEvidence[];
  /** The newest assessment (or a newer one): only there is stored evidence compared with the board. */
  latest: boolean;
  readOnly: boolean;
  write: Write;
}

function DimensionCard({ guide, date, doc, value, proposals, latest, readOnly, write }: DimensionCardProps) {
  const id = useId();
  const band = value.score !== null ? bandOf(value.score) : null;
  const bandGuide = band ? guide.bands[band.id] : null;
  return (
    <article className="rubric-dim" aria-labelledby={`${id}-title`} data-testid={`rubric-dim-${guide.id}`} data-score={value.score ?? ''}>
      <h3 id={`${id}-title`}>{guide.title}</h3>
      <p className="hint">{guide.description}</p>

      <fieldset className="rubric-score" data-testid={`rubric-score-${guide.id}`}>
        <legend>
          Score <span className="muted">(1 to 10)</span>
        </legend>
        <div className="rubric-scale">
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
            <label key={n} className="rubric-scale-option">
              <input
                type="radio"
                name={`${id}-score`}
                value={n}
                checked={value.score === n}
                disabled={readOnly}
                aria-label={`${n}, ${bandOf(n).label}`}
                onChange={() => write(() => setScore(doc, date, guide.id, n))}
              />
              <span aria-hidden="true">{n}</span>
            </label>
          ))}
          {RUBRIC_BANDS.map((b) => (
            <span
              key={b.id}
              className={`rubric-band-tick${band?.id === b.id ? ' current' : ''}`}
              style={{ gridColumn: `${b.min} / ${b.max + 1}` }}
              aria-hidden="true"
            >
              {b.label}
            </span>
          ))}
        </div>
        {value.score !== null && !readOnly && (
          <button type="button" className="link-button rubric-clear" onClick={() => write(() => setScore(doc, date, guide.id, null))}>
            Clear score
          </button>
        )}
      </fieldset>

      {band && bandGuide ? (
        <div className="rubric-band" data-testid={`rubric-band-${guide.id}`}>
          <p className="rubric-band-name">
            {band.label} <span className="muted">({band.min}-{band.max})</span>
          </p>
          <p className="rubric-guidepost">{bandGuide.guidepost}</p>
          <h4>Where to start next</h4>
          <p className="rubric-next" data-testid={`rubric-next-${guide.id}`}>
            {bandGuide.next}
          </p>
        </div>
      ) : (
        <p className="hint">{readOnly ? 'Not scored on this date.' : 'Pick a score to see what its band means and where to start next.'}</p>
      )}
      <details className="rubric-bands">
        <summary>What each band looks like</summary>
        <dl>
          {RUBRIC_BANDS.map((b) => (
            <div key={b.id}>
              <dt>
                {b.label} ({b.min}-{b.max})
              </dt>
              <dd>{guide.bands[b.id].guidepost}</dd>
            </div>
          ))}
        </dl>
      </details>

      <Rationale key={`${date}|${guide.id}`} doc={doc} date={date} guide={guide} value={value.rationale} readOnly={readOnly} write={write} />
      <Evidence guide={guide} doc={doc} date={date} stored={value.evidence} proposals={proposals} latest={latest} readOnly={readOnly} write={write} />
    </article>
  );
}

function Rationale({ doc, date, guide, value, readOnly, write }: { doc: Y.Doc; date: string; guide: DimensionGuide; value: string; readOnly: boolean; write: Write }) {
  const id = useId();
  const { draft, change, flush } = useTextDraft(value, (v) => write(() => setRationale(doc, date, guide.id, v)), RATIONALE_DEBOUNCE_MS);
  return (
    <div className="rubric-rationale">
      <label htmlFor={id}>Why this score</label>
      <textarea
        id={id}
        rows={3}
        value={draft}
        readOnly={readOnly}
        maxLength={5000}
        placeholder={readOnly ? '' : 'What the team saw on the board and in its work'}
        onChange={(e) => change(e.target.value)}
        onBlur={flush}
        data-testid={`rubric-rationale-${guide.id}`}
      />
    </div>
  );
}
