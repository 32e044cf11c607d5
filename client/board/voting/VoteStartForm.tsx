import { useId, useState, type FormEvent } from 'react';
import { useValue } from 'tldraw';
import { VOTE_LIMITS } from '../../../shared/doc/control';
import { ApiError } from '../../lib/api';
import type { Facilitation } from '../sync/FacilitationContext';
import { validateStartForm, type StartFormErrors } from './ballot';
import { startVote } from './votesApi';
import { apiMessage } from './voteParts';

/** The facilitator’s form starting a dot vote on a step (`again`: after a revealed round). */
export function StartForm({ f, again }: { f: Facilitation; again: boolean }) {
  const steps = f.template?.steps ?? [];
  const sessionStep = useValue('sessionStep', () => f.control.step.get()?.stepId ?? null, [f]);
  const defaultStep = steps.some((s) => s.id === sessionStep) ? (sessionStep as string) : (steps[0]?.id ?? '');
  /** null: follows the step the session is on. */
  const [stepChoice, setStepChoice] = useState<string | null>(null);
  const [perPerson, setPerPerson] = useState('3');
  const [perItem, setPerItem] = useState('');
  const [errors, setErrors] = useState<StartFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const stepId = stepChoice ?? defaultStep;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validateStartForm({ stepId, perPerson, perItem }, steps.map((s) => s.id));
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(null);
      const first = (['stepId', 'perPerson', 'perItem'] as const).find((k) => checked.errors[k]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      await startVote(f.boardId, f.token, { ...checked.value, by: f.me().name.slice(0, 60) });
    } catch (err) {
      if (err instanceof ApiError && err.field && ['stepId', 'perPerson', 'perItem'].includes(err.field)) {
        setErrors({ [err.field]: err.message });
      } else if (err instanceof ApiError && err.code === 'vote_in_progress') {
        setFormError('A vote is already open on this board: reveal it before starting another.');
      } else {
        setFormError(`The vote could not be started: ${apiMessage(err)}`);
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldProps = (key: keyof StartFormErrors) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
  });
  const fieldError = (key: keyof StartFormErrors) =>
    errors[key] ? (
      <p className="field-error" id={`${id}-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;

  return (
    <form className="vote-start" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`} data-testid="vote-start-form">
      <h2 id={`${id}-heading`}>{again ? 'Start another dot vote' : 'Start a dot vote'}</h2>
      <p className="hint">Each person places dots on the cards of one step; counts stay hidden until you reveal them.</p>
      <div className="insp-field">
        <label htmlFor={`${id}-stepId`}>Step</label>
        <select {...fieldProps('stepId')} value={stepId} onChange={(e) => setStepChoice(e.target.value)}>
          {steps.map((s, i) => (
            <option key={s.id} value={s.id}>
              {i + 1}. {s.title}
            </option>
          ))}
        </select>
        {fieldError('stepId')}
      </div>
      <div className="vote-start-numbers">
        <div className="insp-field">
          <label htmlFor={`${id}-perPerson`}>Dots per person</label>
          <input
            {...fieldProps('perPerson')}
            type="number"
            inputMode="numeric"
            min={1}
            max={VOTE_LIMITS.maxPerPerson}
            step={1}
            value={perPerson}
            onChange={(e) => setPerPerson(e.target.value)}
          />
          {fieldError('perPerson')}
        </div>
        <div className="insp-field">
          <label htmlFor={`${id}-perItem`}>Max per card</label>
          <input
            {...fieldProps('perItem')}
            type="number"
            inputMode="numeric"
            min={1}
            max={VOTE_LIMITS.maxPerPerson}
            step={1}
            placeholder="No limit"
            value={perItem}
            onChange={(e) => setPerItem(e.target.value)}
          />
          {fieldError('perItem')}
        </div>
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" className="button primary" data-testid="vote-start" disabled={busy}>
        {busy ? 'Starting…' : 'Start the vote'}
      </button>
    </form>
  );
}
