import { useCallback, useEffect, useState } from 'react';
import { ApiError, NetworkError } from '../lib/api';
import { BarChart } from './BarChart';
import { exportUrl, getComparison, type CohortComparison } from './cohortApi';

type State = { kind: 'loading' } | { kind: 'ok'; data: CohortComparison; at: number } | { kind: 'error'; message: string };

/** Statuses may come as ids (`in-progress`) or as `{ id, label }`. */
function statusList(statuses: unknown): { id: string; label: string }[] {
  if (!Array.isArray(statuses)) return [];
  return statuses.flatMap((s) => {
    if (typeof s === 'string') return [{ id: s, label: humanise(s) }];
    if (s && typeof s === 'object' && typeof (s as { id?: unknown }).id === 'string') {
      const { id, label } = s as { id: string; label?: unknown };
      return [{ id, label: typeof label === 'string' ? label : humanise(id) }];
    }
    return [];
  });
}

function humanise(id: string): string {
  const t = id.replace(/[-_]+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const show = (v: number | null | undefined) => (v == null ? '–' : String(v));

/**
 * The teams side by side, from `GET /api/cohorts/<id>/comparison`: a table (the data: cards,
 * connections, the exercise's figures, the latest rubric scores, actions by status) and a small
 * bar chart per figure and rubric dimension. Read when the tab opens and on "Refresh".
 */
export function ComparisonView({ cohortId, token }: { cohortId: string; token: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(() => {
    setState((s) => (s.kind === 'ok' ? s : { kind: 'loading' }));
    getComparison(cohortId, token)
      .then((data) => setState({ kind: 'ok', data, at: Date.now() }))
      .catch((e) =>
        setState({ kind: 'error', message: e instanceof NetworkError ? 'The server could not be reached.' : e instanceof ApiError ? e.message : String(e) }),
      );
  }, [cohortId, token]);
  useEffect(load, [load]);

  const tools = (
    <div className="comparison-tools">
      <button type="button" className="button small secondary" onClick={load} data-testid="comparison-refresh">
        Refresh
      </button>
      <a className="button small secondary" href={exportUrl(cohortId, token)} download data-testid="cohort-export">
        Download cohort export (zip)
      </a>
      {state.kind === 'ok' && <span className="muted">As of {new Date(state.at).toLocaleTimeString(undefined, { timeStyle: 'short' })}</span>}
    </div>
  );

  if (state.kind === 'loading') {
    return (
      <div data-testid="comparison">
        {tools}
        <p className="muted">Reading every team’s results…</p>
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <div data-testid="comparison">
        {tools}
        <p className="field-error" role="alert">
          The comparison could not be loaded: {state.message}
        </p>
      </div>
    );
  }

  const { data } = state;
  const teams = Array.isArray(data.teams) ? data.teams : [];
  const figures = Array.isArray(data.figures) ? data.figures : [];
  const dims = Array.isArray(data.dimensions) ? data.dimensions : [];
  const statuses = statusList(data.statuses);
  const chartRows = (value: (t: CohortComparison['teams'][number]) => number | null) => teams.map((t) => ({ key: t.boardId, label: t.team, value: value(t) }));

  return (
    <div data-testid="comparison">
      {tools}
      {/* Focusable so keyboard users can scroll a table wider than the screen. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the keyboard */}
      <section className="table-scroll" aria-labelledby="comparison-caption" tabIndex={0}>
        <table className="comparison-table" data-testid="comparison-table">
          <caption id="comparison-caption">
            {data.template?.title ? `${data.template.title}: ` : ''}the teams side by side
          </caption>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={2 + figures.length}>
                Board
              </th>
              {dims.length > 0 && (
                <th scope="colgroup" colSpan={dims.length + 1}>
                  Rubric (latest assessment)
                </th>
              )}
              {statuses.length > 0 && (
                <th scope="colgroup" colSpan={statuses.length}>
                  Actions
                </th>
              )}
            </tr>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Cards</th>
              <th scope="col">Connections</th>
              {figures.map((f) => (
                <th scope="col" key={f.id}>
                  {f.label}
                </th>
              ))}
              {dims.length > 0 && <th scope="col">Date</th>}
              {dims.map((d) => (
                <th scope="col" key={d.id}>
                  {d.label}
                </th>
              ))}
              {statuses.map((s) => (
                <th scope="col" key={s.id}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {teams.map((t) => (
              <tr key={t.boardId} data-testid="comparison-row" data-team={t.team} data-items={t.items}>
                <th scope="row">{t.team}</th>
                <td className="num">{show(t.items)}</td>
                <td className="num">{show(t.connections)}</td>
                {figures.map((f) => (
                  <td className="num" key={f.id}>
                    {show(t.figures?.[f.id])}
                  </td>
                ))}
                {dims.length > 0 && <td>{t.rubric?.date ?? '–'}</td>}
                {dims.map((d) => (
                  <td className="num" key={d.id}>
                    {show(t.rubric?.scores?.[d.id])}
                  </td>
                ))}
                {statuses.map((s) => (
                  <td className="num" key={s.id}>
                    {show(t.actions?.[s.id] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {teams.length > 0 && (
        <div className="charts">
          <BarChart title="Cards" rows={chartRows((t) => t.items)} />
          {figures.map((f) => (
            <BarChart key={f.id} title={f.label} rows={chartRows((t) => t.figures?.[f.id] ?? null)} />
          ))}
          {dims.map((d) => (
            <BarChart key={d.id} title={`Rubric: ${d.label} (1–10)`} rows={chartRows((t) => t.rubric?.scores?.[d.id] ?? null)} max={10} />
          ))}
        </div>
      )}
    </div>
  );
}
