import { useId, useState, type FormEvent } from 'react';
import { latestScores, rubricOverTime, type PartnershipAnswer } from '../../shared/partnership';
import { bandOf, RUBRIC_DIMENSION_IDS, type RubricDimensionId } from '../../shared/rubric';
import { guideFor, RUBRIC_GUIDE } from '../../shared/rubricGuide';
import { DIMENSION_SHORT, timelineChartModel, type TimelineChartModel } from '../../shared/rubricTimeline';
import type { PartnershipEdit } from './partnershipApi';

function Marker({ shape, x, y, colour }: { shape: 'circle' | 'square' | 'diamond'; x: number; y: number; colour: string }) {
  if (shape === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={colour} />;
  if (shape === 'diamond') return <path d={`M${x} ${y - 5.5}L${x + 5.5} ${y}L${x} ${y + 5.5}L${x - 5.5} ${y}Z`} fill={colour} />;
  return <circle cx={x} cy={y} r={4.5} fill={colour} />;
}

/** The chart: drawn for the eye (hidden from screen readers, which read the table below it). */
function Chart({ model }: { model: TimelineChartModel }) {
  const { plot } = model;
  return (
    <svg viewBox={`0 0 ${model.width} ${model.height}`} className="rot-svg" aria-hidden="true" focusable="false">
      {model.bands.map((b) => (
        <g key={b.id}>
          <rect x={plot.left} y={b.y} width={plot.right - plot.left} height={b.height} fill={b.fill} />
          <text x={plot.right + 6} y={b.labelY} className="rot-band">
            {b.label}
          </text>
        </g>
      ))}
      {model.ticks.map((t) => (
        <text key={t.value} x={plot.left - 6} y={t.y + 4} className="rot-tick" textAnchor="end">
          {t.value}
        </text>
      ))}
      {model.dates.map((d) => (
        <text key={d.date} x={d.x} y={model.height - 10} className="rot-tick" textAnchor="middle">
          {d.date}
        </text>
      ))}
      {model.series.map((s) => (
        <g key={s.dimension}>
          {s.points.length > 1 && <polyline fill="none" stroke={s.colour} strokeWidth={2.5} points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} />}
          {s.points.map((p) => (
            <Marker key={p.date} shape={s.marker} x={p.x} y={p.y} colour={s.colour} />
          ))}
        </g>
      ))}
    </svg>
  );
}

const today = () => new Date().toLocaleDateString('en-CA');

/** Scores a new assessment on one of the boards (the latest by default). */
function ScoreForm({ data, onEdit, onDone }: { data: PartnershipAnswer; onEdit(e: PartnershipEdit): Promise<void>; onDone(): void }) {
  const id = useId();
  const latest = data.boards[data.boards.length - 1];
  const [board, setBoard] = useState(latest?.id ?? '');
  const [date, setDate] = useState(today());
  const [scores, setScores] = useState<Partial<Record<RubricDimensionId, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const numbers: Partial<Record<RubricDimensionId, number>> = {};
    for (const d of RUBRIC_DIMENSION_IDS) {
      const v = scores[d];
      if (v) numbers[d] = Number(v);
    }
    if (Object.keys(numbers).length === 0) return setError('Give at least one score.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('Give the assessment date.');
    setError(null);
    await onEdit({ kind: 'score', board, body: { date, scores: numbers } });
    onDone();
  };
  if (!latest) return <p className="muted">Add a meeting board first: an assessment is scored on a board.</p>;
  return (
    <form className="rot-form" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="score-form">
      <h3 id={`${id}-title`}>Score an assessment</h3>
      <div className="rot-form-row">
        <label>
          Board
          <select value={board} onChange={(e) => setBoard(e.target.value)} data-testid="score-board">
            {data.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.meetingDate} · {b.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="score-date" />
        </label>
      </div>
      <div className="rot-form-row">
        {RUBRIC_DIMENSION_IDS.map((d) => (
          <label key={d}>
            {DIMENSION_SHORT[d]}
            <select value={scores[d] ?? ''} onChange={(e) => setScores({ ...scores, [d]: e.target.value })} data-testid={`score-${d}`}>
              <option value="">—</option>
              {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n} · {bandOf(n).label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary small" data-testid="score-save">
          Save the scores on the board
        </button>
        <button type="button" className="button ghost small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The rubric over time: the chart with its bands, a table of the same numbers, the latest guidepost and where to start next. */
export function RubricOverTime({ data, canEdit, onEdit }: { data: PartnershipAnswer; canEdit: boolean; onEdit(e: PartnershipEdit): Promise<void> }) {
  const [scoring, setScoring] = useState(false);
  const points = rubricOverTime(data.rubric);
  const latest = latestScores(points);
  // Where to start: the dimension with the lowest latest score is opened.
  const scored = RUBRIC_DIMENSION_IDS.filter((d) => latest[d] !== null);
  const lowest = scored.length > 0 ? scored.reduce((a, b) => (latest[b]!.score < latest[a]!.score ? b : a)) : null;
  const boardTitle = new Map(data.boards.map((b) => [b.id, b.title]));
  const headingId = useId();
  return (
    <section className="card rot" aria-labelledby={headingId} data-testid="rubric-over-time">
      <div className="section-head">
        <h2 id={headingId}>Rubric over time</h2>
        {canEdit && !scoring && (
          <button type="button" className="button secondary small" onClick={() => setScoring(true)} data-testid="score-new">
            Score a new assessment
          </button>
        )}
      </div>
      {scoring && <ScoreForm data={data} onEdit={onEdit} onDone={() => setScoring(false)} />}
      {points.length === 0 ? (
        <p className="muted">No assessment scored yet. Scores given on any board (its Rubric tab) or here show up as a line per dimension.</p>
      ) : (
        <>
          <div className="rot-legend" aria-hidden="true">
            {RUBRIC_DIMENSION_IDS.map((d) => (
              <span key={d} className={`rot-key rot-key-${d}`}>
                {DIMENSION_SHORT[d]}
              </span>
            ))}
          </div>
          <Chart model={timelineChartModel(points)} />
          <table className="rot-table">
            <caption>Scores per assessment date (the board each was scored on)</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                {RUBRIC_DIMENSION_IDS.map((d) => (
                  <th scope="col" key={d}>
                    {DIMENSION_SHORT[d]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.date} data-testid="rubric-row">
                  <th scope="row">{p.date}</th>
                  {RUBRIC_DIMENSION_IDS.map((d) => (
                    <td key={d} title={p.scores[d] ? boardTitle.get(p.scores[d]!.board) : undefined}>
                      {p.scores[d]?.score ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="rot-guides">
        {RUBRIC_DIMENSION_IDS.map((d) => {
          const l = latest[d];
          const g = l ? guideFor(d, l.score) : null;
          return (
            <details key={d} className="rot-guide" data-testid={`guide-${d}`} open={d === lowest}>
              <summary>
                <strong>{RUBRIC_GUIDE[d].title}</strong>{' '}
                {l && g ? (
                  <span className={`band-chip band-${g.band.id}`}>
                    {l.score} · {g.band.label}
                  </span>
                ) : (
                  <span className="muted">not scored</span>
                )}
                {d === lowest && scored.length > 1 && <span className="rot-start"> · start here</span>}
              </summary>
              {g ? (
                <>
                  <p>
                    <strong>Guidepost:</strong> {g.guidepost}
                  </p>
                  <p>
                    <strong>Where to start next:</strong> {g.next}
                  </p>
                </>
              ) : (
                <p className="muted">{RUBRIC_GUIDE[d].description}</p>
              )}
            </details>
          );
        })}
      </div>
    </section>
  );
}
