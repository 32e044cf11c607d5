import { useState, type FormEvent } from 'react';
import { createBoard, type CreateBoardResponse } from '../lib/api';
import { MAX_FIELD_LENGTH, submitError, TemplateFields, TextField, useFormFields, useTemplateChoice } from './formFields';

type FieldName = 'title' | 'region' | 'sector' | 'template' | 'variant';
type FieldErrors = Partial<Record<FieldName, string>>;
const FIELD_ORDER: FieldName[] = ['title', 'region', 'sector', 'template', 'variant'];

const TEXT_FIELDS: { name: 'title' | 'region' | 'sector'; label: string; hint: string }[] = [
  { name: 'title', label: 'Board title', hint: 'For example "Spring planning workshop".' },
  { name: 'region', label: 'Region', hint: 'The area the partnership covers.' },
  { name: 'sector', label: 'Target sector', hint: 'The sector the work focuses on.' },
];

export interface CreatedBoard {
  res: CreateBoardResponse;
  title: string;
  region: string;
  sector: string;
}

/** Which form field a server error names. */
function fieldOf(field: string | undefined): FieldName | null {
  return field && (FIELD_ORDER as string[]).includes(field) ? (field as FieldName) : null;
}

/** "Create a board": title, region, sector and the exercise (blank by default) it starts from. */
export function CreateBoardForm({ onCreated }: { onCreated(created: CreatedBoard): void }) {
  const [values, setValues] = useState({ title: '', region: '', sector: '' });
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { form, base, showErrors, clearError } = useFormFields(FIELD_ORDER, '');

  const { templates, templateId: chosenId, template, variant, fields } = useTemplateChoice((list) => list.find((t) => t.id === 'blank') ?? list[0], clearError);

  const validate = (): FieldErrors => {
    const errs: FieldErrors = {};
    for (const f of TEXT_FIELDS) {
      const v = values[f.name].trim();
      if (!v) errs[f.name] = `${f.label} is required.`;
      else if (v.length > MAX_FIELD_LENGTH) errs[f.name] = `${f.label} must be at most ${MAX_FIELD_LENGTH} characters.`;
    }
    if (!chosenId) errs.template = 'Choose a template.';
    if ((template?.variants ?? []).length > 0 && !variant) errs.variant = 'Choose a variant.';
    return errs;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    setFormError(null);
    const errs = validate();
    showErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setSubmitting(true);
    try {
      const title = values.title.trim();
      const region = values.region.trim();
      const sector = values.sector.trim();
      const res = await createBoard({ template: chosenId, title, region, sector, ...(variant ? { variant } : {}) });
      onCreated({ res, title, region, sector });
    } catch (err) {
      const refused = submitError(err, fieldOf);
      if ('field' in refused) showErrors(refused.field);
      else setFormError(refused.form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="create-board-form" aria-labelledby={`${base}-heading`}>
      <h2 id={`${base}-heading`}>Create a board</h2>
      {TEXT_FIELDS.map((f) => (
        <TextField
          key={f.name}
          form={form}
          name={f.name}
          label={f.label}
          hint={f.hint}
          required
          value={values[f.name]}
          onChange={(v) => {
            setValues((prev) => ({ ...prev, [f.name]: v }));
            clearError(f.name);
          }}
        />
      ))}

      <TemplateFields form={form} label="Template" required {...fields} />

      {formError && (
        <p className="form-error" role="alert" data-testid="form-error">
          {formError}
        </p>
      )}

      <div className="actions">
        <button type="submit" className="button primary" disabled={submitting || templates.kind !== 'ok'} data-testid="create-board-submit">
          {submitting ? 'Creating…' : 'Create board'}
        </button>
      </div>
    </form>
  );
}
