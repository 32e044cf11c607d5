import { useId, useState, type ReactNode } from 'react';
import { BANNER_MAX_LENGTH } from '../../shared/doc/control';
import { ApiError, NetworkError, type TemplateListing } from '../lib/api';
import { broadcast, type BroadcastRequest, type BroadcastResponse } from './cohortApi';

type Outcome = { kind: 'ok'; text: string; res: BroadcastResponse } | { kind: 'error'; text: string };

/**
 * What the trainer sends to every team's board at once, through `POST /api/cohorts/<id>/broadcast`
 * (the server writes each board's control document, as a facilitator would): the step, the timer,
 * a message shown on every board. Says how many boards took it and which did not.
 */
export function BroadcastPanel({
  cohortId,
  token,
  steps,
  suggestedStepId,
  teamOf,
}: {
  cohortId: string;
  token: string;
  steps: TemplateListing['steps'];
  /** Preselected until the trainer picks a step (nextStep.ts). */
  suggestedStepId: string | null;
  teamOf(boardId: string): string | undefined;
}) {
  const p = useId();
  const [stepId, setStepId] = useState('');
  const step = steps.find((s) => s.id === stepId) ?? steps.find((s) => s.id === suggestedStepId) ?? steps[0];
  const [minutes, setMinutes] = useState<string | null>(null);
  const shownMinutes = minutes ?? String(step?.minutes ?? 10);
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [minutesError, setMinutesError] = useState<string | null>(null);

  const send = async (what: string, body: BroadcastRequest, done: (n: number) => string) => {
    setBusy(what);
    setOutcome(null);
    try {
      const res = await broadcast(cohortId, token, body);
      setOutcome({ kind: 'ok', text: done(res.boards ?? 0), res });
    } catch (e) {
      setOutcome({
        kind: 'error',
        text: e instanceof NetworkError ? 'The server could not be reached; nothing was sent.' : e instanceof ApiError ? e.message : String(e),
      });
    } finally {
      setBusy(null);
    }
  };
  const boardsText = (n: number) => `${n} ${n === 1 ? 'board' : 'boards'}`;
  const readMinutes = (): number | null => {
    const m = Number(shownMinutes);
    if (!Number.isFinite(m) || m <= 0 || m > 240) {
      setMinutesError('Enter minutes from 1 to 240.');
      setOutcome(null);
      return null;
    }
    setMinutesError(null);
    return m;
  };
  const button = (what: string, label: ReactNode, onClick: () => void, primary = false, disabled = false) => (
    <button
      type="button"
      className={`button small ${primary ? 'primary' : 'secondary'}`}
      disabled={!!busy || disabled}
      aria-busy={busy === what || undefined}
      onClick={onClick}
      data-testid={`broadcast-${what}`}
    >
      {busy === what ? 'Sending…' : label}
    </button>
  );

  const failed = outcome?.kind === 'ok' ? (outcome.res.failed ?? []) : [];

  return (
    <section className="card broadcast" aria-labelledby={`${p}-heading`} data-testid="broadcast-panel">
      <h2 id={`${p}-heading`}>Send to every board</h2>

      {steps.length > 0 && (
        <div className="broadcast-group">
          <label htmlFor={`${p}-step`}>Step</label>
          <select id={`${p}-step`} value={step?.id ?? ''} onChange={(e) => setStepId(e.target.value)} data-testid="broadcast-step">
            {steps.map((s, i) => (
              <option key={s.id} value={s.id}>
                {i + 1}. {s.title}
              </option>
            ))}
          </select>
          <div className="broadcast-buttons">
            {button(
              'step',
              'Move all boards to this step',
              () => step && void send('step', { step: step.id }, (n) => `Moved ${boardsText(n)} to step ${steps.indexOf(step) + 1}, “${step.title}”.`),
              true,
            )}
          </div>
        </div>
      )}

      <div className="broadcast-group">
        <label htmlFor={`${p}-minutes`}>Timer minutes</label>
        <input
          id={`${p}-minutes`}
          type="number"
          min={1}
          max={240}
          step={1}
          inputMode="numeric"
          value={shownMinutes}
          onChange={(e) => {
            setMinutes(e.target.value);
            setMinutesError(null);
          }}
          aria-invalid={minutesError ? true : undefined}
          aria-describedby={minutesError ? `${p}-minutes-error` : undefined}
          data-testid="broadcast-minutes"
        />
        {minutesError && (
          <p id={`${p}-minutes-error`} className="field-error">
            {minutesError}
          </p>
        )}
        <div className="broadcast-buttons">
          {button('timer-start', 'Start timer on all boards', () => {
            const m = readMinutes();
            if (m != null) void send('timer-start', { timer: { action: 'start', minutes: m } }, (n) => `Started a ${m}-minute timer on ${boardsText(n)}.`);
          })}
          {button('timer-pause', 'Pause all', () => void send('timer-pause', { timer: { action: 'pause' } }, (n) => `Paused the timer on ${boardsText(n)}.`))}
          {button('timer-reset', 'Reset all', () => {
            const m = readMinutes();
            if (m != null) void send('timer-reset', { timer: { action: 'reset', minutes: m } }, (n) => `Reset the timer to ${m} minutes on ${boardsText(n)}.`);
          })}
        </div>
      </div>

      <div className="broadcast-group">
        <label htmlFor={`${p}-banner`}>Message on every board</label>
        <textarea
          id={`${p}-banner`}
          rows={2}
          maxLength={BANNER_MAX_LENGTH}
          value={banner}
          onChange={(e) => setBanner(e.target.value)}
          aria-describedby={`${p}-banner-hint`}
          data-testid="broadcast-banner-text"
        />
        <p id={`${p}-banner-hint`} className="hint">
          Shown under every board’s session bar until you clear it ({banner.length}/{BANNER_MAX_LENGTH}).
        </p>
        <div className="broadcast-buttons">
          {button(
            'banner-post',
            'Post to all boards',
            () => void send('banner-post', { banner: banner.trim() }, (n) => `Posted the message on ${boardsText(n)}.`),
            false,
            !banner.trim(),
          )}
          {button('banner-clear', 'Clear message', () => void send('banner-clear', { banner: null }, (n) => `Cleared the message on ${boardsText(n)}.`))}
        </div>
      </div>

      <div className="broadcast-result" role="status" data-testid="broadcast-result" data-state={outcome?.kind ?? ''}>
        {outcome?.kind === 'ok' && (
          <>
            <p className="ok-text">{outcome.text}</p>
            {failed.length > 0 && (
              <div className="warn-box">
                <p>
                  Not done on {boardsText(failed.length)}; open them from their tiles to check:
                </p>
                <ul>
                  {failed.map((id) => (
                    <li key={id}>{teamOf(id) ?? id}</li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
        {outcome?.kind === 'error' && <p className="field-error">{outcome.text}</p>}
      </div>
    </section>
  );
}
