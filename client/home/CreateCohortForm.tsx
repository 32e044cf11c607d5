import { useId, useRef, useState, type FormEvent } from 'react';
import { createCohort, type CreateCohortResponse } from '../cohort/cohortApi';
import { MAX_TEAMS, parseTeamNames } from '../cohort/teamNames';
import { ApiError, NetworkError } from '../lib/api';
import { FIELD_MAX_LENGTH } from '../../shared/api/limits';
import { useTemplates } from './useTemplates';
import '../cohort/cohort.css';

type FieldName = 'name' | 'template' | 'variant' | 'region' | 'sector' | 'teams';
type FieldErrors = Partial<Record<FieldName, string>>;
const FIELD_ORDER: FieldName[] = ['name', 'template', 'variant', 'region', 'sector', 'teams'];

export interface CreatedCohort {
  res: CreateCohortResponse;
  name: string;
  templateTitle: string;
}

/** Which form field a server error names (`teams`, `teams.2`, `count` all land on the teams control). */
function fieldOf(field: string | undefined): FieldName | null {
  if (!field) return null;
  if (field === 'count' || field.startsWith('teams')) return 'teams';
  return (FIELD_ORDER as string[]).includes(field) ? (field as FieldName) : null;
}

/**
 * "Run a cohort": one board per team from the same template, made in one go. The teams are named
 * one per line, or only counted (the server then names them Team 1, Team 2, …).
 */
export function CreateCohortForm({ onCreated }: { onCreated(created: CreatedCohort): void }) {
  const { state: templates, reload } = useTemplates();
  const [values, setValues] = useState({ name: '', region: '', sector: '', teams: '', count: '3' });
  const [templateId, setTemplateId] = useState('');
  const [variantId, setVariantId] = useState('');
  const [teamMode, setTeamMode] = useState<'names' | 'count'>('names');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const p = useId();
  const refs = useRef<Partial<Record<FieldName, HTMLElement | null>>>({});

  const list = templates.kind === 'ok' ? templates.templates : [];
  // A cohort runs an exercise: the first one is the default, not the blank board.
  const chosenId = list.some((t) => t.id === templateId) ? templateId : ((list.find((t) => t.id !== 'blank') ?? list[0])?.id ?? '');
  const template = list.find((t) => t.id === chosenId);
  const variants = template?.variants ?? [];
  const variant = variants.some((v) => v.id === variantId) ? variantId : (variants[0]?.id ?? '');

  const fid = (n: FieldName) => `${p}-${n}`;
  const eid = (n: FieldName) => `${p}-${n}-error`;
  const set = (n: keyof typeof values, v: string) => {
    setValues((prev) => ({ ...prev, [n]: v }));
    const f: FieldName = n === 'count' ? 'teams' : n;
    if (errors[f]) setErrors((prev) => ({ ...prev, [f]: undefined }));
  };

  const validate = (): { errs: FieldErrors; teams: string[]; count: number } => {
    const errs: FieldErrors = {};
    const name = values.name.trim();
    if (!name) errs.name = 'Cohort name is required.';
    else if (name.length > FIELD_MAX_LENGTH) errs.name = `Cohort name must be at most ${FIELD_MAX_LENGTH} characters.`;
    for (const [n, label] of [['region', 'Region'], ['sector', 'Target sector']] as const) {
      if (values[n].trim().length > FIELD_MAX_LENGTH) errs[n] = `${label} must be at most ${FIELD_MAX_LENGTH} characters.`;
    }
    if (!chosenId) errs.template = 'Choose a template.';
    let teams: string[] = [];
    let count = 0;
    if (teamMode === 'names') {
      const parsed = parseTeamNames(values.teams);
      teams = parsed.teams;
      if (parsed.error) errs.teams = parsed.error;
    } else {
      count = Number(values.count);
      if (!Number.isInteger(count) || count < 1 || count > MAX_TEAMS) errs.teams = `Enter a number of teams from 1 to ${MAX_TEAMS}.`;
    }
    return { errs, teams, count };
  };

  const focusFirst = (errs: FieldErrors) => {
    const first = FIELD_ORDER.find((n) => errs[n]);
    if (first) refs.current[first]?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    setFormError(null);
    const { errs, teams, count } = validate();
    setErrors(errs);
    if (Object.keys(errs).length > 0) return focusFirst(errs);
    setSubmitting(true);
    try {
      const name = values.name.trim();
      const region = values.region.trim();
      const sector = values.sector.trim();
      const res = await createCohort({
        name,
        template: chosenId,
        ...(variant ? { variant } : {}),
        ...(region ? { region } : {}),
        ...(sector ? { sector } : {}),
        ...(teamMode === 'names' ? { teams } : { count }),
      });
      onCreated({ res, name, templateTitle: template?.title ?? chosenId });
    } catch (err) {
      const field = err instanceof ApiError ? fieldOf(err.field) : null;
      if (err instanceof ApiError && field) {
        const fieldErrs = { [field]: err.message };
        setErrors(fieldErrs);
        focusFirst(fieldErrs);
      } else if (err instanceof NetworkError) {
        setFormError('The server could not be reached. Check your connection and try again.');
      } else {
        setFormError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const describedBy = (n: FieldName, hint?: string) => [hint, errors[n] ? eid(n) : null].filter(Boolean).join(' ') || undefined;
  const error = (n: FieldName) =>
    errors[n] ? (
      <p id={eid(n)} className="field-error" data-testid={`cohort-error-${n}`}>
        {errors[n]}
      </p>
    ) : null;
  const textField = (n: 'name' | 'region' | 'sector', label: string, hint: string) => (
    <div className="field">
      <label htmlFor={fid(n)}>{label}</label>
      <input
        id={fid(n)}
        ref={(el) => {
          refs.current[n] = el;
        }}
        type="text"
        name={n}
        data-testid={`cohort-field-${n}`}
        autoComplete="off"
        maxLength={FIELD_MAX_LENGTH}
        required={n === 'name'}
        value={values[n]}
        aria-invalid={errors[n] ? true : undefined}
        aria-describedby={describedBy(n, `${fid(n)}-hint`)}
        onChange={(e) => set(n, e.target.value)}
      />
      <p id={`${fid(n)}-hint`} className="hint">
        {hint}
      </p>
      {error(n)}
    </div>
  );

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="create-cohort-form" aria-labelledby={`${p}-heading`}>
      <h2 id={`${p}-heading`}>Run a cohort</h2>
      <p className="hint form-intro">
        One board per team, all from the same exercise, and a dashboard for you to watch and guide every team at once.
      </p>
      {textField('name', 'Cohort name', 'For example “Spring academy, group B”. The boards are titled with it and the team.')}

      <div className="field">
        <label htmlFor={fid('template')}>Exercise</label>
        {templates.kind === 'error' ? (
          <div className="inline-error" role="alert">
            <span>Templates could not be loaded: {templates.message}</span>{' '}
            <button type="button" className="button small secondary" onClick={reload}>
              Retry
            </button>
          </div>
        ) : (
          <select
            id={fid('template')}
            ref={(el) => {
              refs.current.template = el;
            }}
            name="template"
            data-testid="cohort-field-template"
            disabled={templates.kind === 'loading'}
            value={chosenId}
            aria-invalid={errors.template ? true : undefined}
            aria-describedby={describedBy('template', template?.purpose ? `${fid('template')}-purpose` : undefined)}
            onChange={(e) => {
              setTemplateId(e.target.value);
              if (errors.template) setErrors((prev) => ({ ...prev, template: undefined }));
            }}
          >
            {templates.kind === 'loading' && <option value="">Loading templates…</option>}
            {list.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        )}
        {template?.purpose && (
          <p id={`${fid('template')}-purpose`} className="hint">
            {template.purpose}
          </p>
        )}
        {error('template')}
      </div>

      {variants.length > 0 && (
        <div className="field">
          <label htmlFor={fid('variant')}>Variant</label>
          <select
            id={fid('variant')}
            ref={(el) => {
              refs.current.variant = el;
            }}
            name="variant"
            data-testid="cohort-field-variant"
            value={variant}
            aria-invalid={errors.variant ? true : undefined}
            aria-describedby={describedBy('variant')}
            onChange={(e) => {
              setVariantId(e.target.value);
              if (errors.variant) setErrors((prev) => ({ ...prev, variant: undefined }));
            }}
          >
            {variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
          {error('variant')}
        </div>
      )}

      <div className="field-row">
        {textField('region', 'Region (optional)', 'Written on every team’s board; left empty, each board’s region is its team’s name.')}
        {textField('sector', 'Target sector (optional)', 'Written on every team’s board.')}
      </div>

      <fieldset className="field teams-field">
        <legend>Teams</legend>
        <div className="segmented" role="radiogroup" aria-label="How to give the teams">
          <label>
            <input type="radio" name={`${p}-mode`} checked={teamMode === 'names'} onChange={() => setTeamMode('names')} data-testid="cohort-teams-mode-names" />
            Name each team
          </label>
          <label>
            <input type="radio" name={`${p}-mode`} checked={teamMode === 'count'} onChange={() => setTeamMode('count')} data-testid="cohort-teams-mode-count" />
            Only a number
          </label>
        </div>
        {teamMode === 'names' ? (
          <>
            <label htmlFor={fid('teams')} className="sub-label">
              Team names, one per line
            </label>
            <textarea
              id={fid('teams')}
              ref={(el) => {
                refs.current.teams = el;
              }}
              name="teams"
              data-testid="cohort-field-teams"
              rows={5}
              value={values.teams}
              placeholder={'North Valley\nRiver Bend\nCoastal'}
              aria-invalid={errors.teams ? true : undefined}
              aria-describedby={describedBy('teams', `${fid('teams')}-hint`)}
              onChange={(e) => set('teams', e.target.value)}
            />
            <p id={`${fid('teams')}-hint`} className="hint">
              Each team gets its own board and its own three links. At most {MAX_TEAMS} teams.
            </p>
          </>
        ) : (
          <>
            <label htmlFor={fid('teams')} className="sub-label">
              Number of teams
            </label>
            <input
              id={fid('teams')}
              ref={(el) => {
                refs.current.teams = el;
              }}
              type="number"
              name="count"
              data-testid="cohort-field-count"
              min={1}
              max={MAX_TEAMS}
              step={1}
              inputMode="numeric"
              value={values.count}
              aria-invalid={errors.teams ? true : undefined}
              aria-describedby={describedBy('teams', `${fid('teams')}-hint`)}
              onChange={(e) => set('count', e.target.value)}
            />
            <p id={`${fid('teams')}-hint`} className="hint">
              The teams are named Team 1, Team 2, and so on.
            </p>
          </>
        )}
        {error('teams')}
      </fieldset>

      {formError && (
        <p className="form-error" role="alert" data-testid="cohort-form-error">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={submitting || templates.kind !== 'ok'} data-testid="create-cohort-submit">
          {submitting ? 'Creating the boards…' : 'Create the cohort'}
        </button>
      </div>
    </form>
  );
}
