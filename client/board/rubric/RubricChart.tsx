import { useId } from 'react';
import { RUBRIC_DIMENSION_IDS, type RubricDimensionId, type RubricAssessment } from '../../../shared/rubric';
import { RUBRIC_GUIDE } from '../../../shared/rubricGuide';
import { formatDate } from './rubricView';

/** Short names under the bars. */
const SHORT: Record<RubricDimensionId, string> = {
  'industry-engagement': 'Industry',
  'regional-coordination': 'Regional',
  'career-pathways': 'Pathways',
};

const W = 272;
const H = 150;
const LEFT = 24;
const RIGHT = 6;
const TOP = 14;
const BOTTOM = 22;
const PLOT_H = H - TOP - BOTTOM;
const GROUP_W = (W - LEFT - RIGHT) / RUBRIC_DIMENSION_IDS.length;
const BAR_W = 26;

const y = (score: number) => TOP + PLOT_H - (score / 10) * PLOT_H;

/**
 * This assessment's three scores beside the previous one's, as grouped bars. The drawing is
 * hidden from screen readers; the same numbers are in a table they read instead.
 */
export function RubricChart({ current, previous }: { current: RubricAssessment; previous: RubricAssessment | null }) {
  const captionId = useId();
  const any = RUBRIC_DIMENSION_IDS.some((d) => current.scores[d].score !== null || (previous && previous.scores[d].score !== null));
  const series = previous ? [{ key: 'previous', assessment: previous }, { key: 'current', assessment: current }] : [{ key: 'current', assessment: current }];
  const caption = previous ? `Scores on ${formatDate(current.date)} compared with ${formatDate(previous.date)}` : `Scores on ${formatDate(current.date)}`;

  return (
    <figure className="rubric-chart" aria-labelledby={captionId} data-testid="rubric-chart">
      <figcaption id={captionId} className="rubric-chart-caption">
        {caption}
      </figcaption>
      {!any ? (
        <p className="hint">The chart fills in as the team scores.</p>
      ) : (
        <>
          <div className="rubric-legend" aria-hidden="true">
            {previous && (
              <span>
                <span className="rubric-swatch previous" /> {formatDate(previous.date)}
              </span>
            )}
            <span>
              <span className="rubric-swatch current" /> {formatDate(current.date)}
            </span>
          </div>
          <svg viewBox={`0 0 ${W} ${H}`} width="100%" aria-hidden="true" focusable="false" className="rubric-svg">
            {[0, 5, 10].map((v) => (
              <g key={v}>
                <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} className={v === 0 ? 'axis' : 'grid'} />
                <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="tick">
                  {v}
                </text>
              </g>
            ))}
            {RUBRIC_DIMENSION_IDS.map((d, gi) => {
              const centre = LEFT + GROUP_W * gi + GROUP_W / 2;
              return (
                <g key={d} data-dimension={d}>
                  {series.map((s, si) => {
                    const score = s.assessment.scores[d].score;
                    const x = centre + (si - series.length / 2) * (BAR_W + 4) + 2;
                    return (
                      <g key={s.key} className={`bar ${s.key}`}>
                        {score === null ? (
                          <text x={x + BAR_W / 2} y={y(0) - 4} textAnchor="middle" className="value none">
                            –
                          </text>
                        ) : (
                          <>
                            <rect x={x} y={y(score)} width={BAR_W} height={y(0) - y(score)} rx={3} />
                            <text x={x + BAR_W / 2} y={y(score) - 3} textAnchor="middle" className="value">
                              {score}
                            </text>
                          </>
                        )}
                      </g>
                    );
                  })}
                  <text x={centre} y={H - 6} textAnchor="middle" className="label">
                    {SHORT[d]}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="visually-hidden">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                {previous && <th scope="col">{formatDate(previous.date)}</th>}
                <th scope="col">{formatDate(current.date)}</th>
              </tr>
            </thead>
            <tbody>
              {RUBRIC_DIMENSION_IDS.map((d) => (
                <tr key={d}>
                  <th scope="row">{RUBRIC_GUIDE[d].title}</th>
                  {series.map((s) => (
                    <td key={s.key}>{s.assessment.scores[d].score ?? 'not scored'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
