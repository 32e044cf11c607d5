import { useState, type FormEvent } from 'react';
import { createCohort, type CreateCohortResponse } from '../cohort/cohortApi';
import { MAX_TEAMS, parseTeamNames } from '../cohort/teamNames';
import { describedBy, FieldError, MAX_FIELD_LENGTH, submitError, TemplateFields, TextField, useFormFields, useTemplateChoice } from './formFields';
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
  const [values, setValues] = useState({ name: '', region: '', sector: '', teams: '', count: '3' });
  const [teamMode, setTeamMode] = useState<'names' | 'count'>('names');
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { form, base: p, showErrors, clearError } = useFormFields(FIELD_ORDER, 'cohort-');

  // A cohort runs an exercise: the first one is the default, not the blank board.
  const { templates, templateId: chosenId, template, variant, fields } = useTemplateChoice((list) => list.find((t) => t.id !== 'blank') ?? list[0], clearError);

  const fid = form.id;
  const set = (n: keyof typeof values, v: string) => {
    setValues((prev) => ({ ...prev, [n]: v }));
    clearError(n === 'count' ? 'teams' : n);
  };

  const validate = (): { errs: FieldErrors; teams: string[]; count: number } => {
    const errs: FieldErrors = {};
    const name = values.name.trim();
    if (!name) errs.name = 'Cohort name is required.';
    else if (name.length > MAX_FIELD_LENGTH) errs.name = `Cohort name must be at most ${MAX_FIELD_LENGTH} characters.`;
    for (const [n, label] of [['region', 'Region'], ['sector', 'Target sector']] as const) {
      if (values[n].trim().length > MAX_FIELD_LENGTH) errs[n] = `${label} must be at most ${MAX_FIELD_LENGTH} characters.`;
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    setFormError(null);
    const { errs, teams, count } = validate();
    showErrors(errs);
    if (Object.keys(errs).length > 0) return;
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
      const refused = submitError(err, fieldOf);
      if ('field' in refused) showErrors(refused.field);
      else setFormError(refused.form);
    } finally {
      setSubmitting(false);
    }
  };

  const textField = (n: 'name' | 'region' | 'sector', label: string, hint: string) => (
    <TextField form={form} name={n} label={label} hint={hint} required={n === 'name'} value={values[n]} onChange={(v) => set(n, v)} />
  );

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="create-cohort-form" aria-labelledby={`${p}-heading`}>
      <h2 id={`${p}-heading`}>Run a cohort</h2>
      <p className="hint form-intro">
        One board per team, all from the same exercise, and a dashboard for you to watch and guide every team at once.
      </p>
      {textField('name', 'Cohort name', 'For example “Spring academy, group B”. The boards are titled with it and the team.')}

      <TemplateFields form={form} label="Exercise" {...fields} />

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
              ref={form.ref('teams')}
              name="teams"
              data-testid="cohort-field-teams"
              rows={5}
              value={values.teams}
              placeholder={'North Valley\nRiver Bend\nCoastal'}
              aria-invalid={form.errors.teams ? true : undefined}
              aria-describedby={describedBy(form, 'teams', `${fid('teams')}-hint`)}
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
              ref={form.ref('teams')}
              type="number"
              name="count"
              data-testid="cohort-field-count"
              min={1}
              max={MAX_TEAMS}
              step={1}
              inputMode="numeric"
              value={values.count}
              aria-invalid={form.errors.teams ? true : undefined}
              aria-describedby={describedBy(form, 'teams', `${fid('teams')}-hint`)}
              onChange={(e) => set('count', e.target.value)}
            />
            <p id={`${fid('teams')}-hint`} className="hint">
              The teams are named Team 1, Team 2, and so on.
            </p>
          </>
        )}
        <FieldError form={form} name="teams" />
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
