import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FIELD_MAX_LENGTH } from '../../shared/api/limits';
import { ApiError, createBoard, listTemplates, NetworkError, type CreateBoardResponse, type TemplateListing } from '../lib/api';


type FieldName = 'title' | 'region' | 'sector' | 'template' | 'variant';
type FieldErrors = Partial<Record<FieldName, string>>;

const TEXT_FIELDS: { name: 'title' | 'region' | 'sector'; label: string; hint: string }[] = [
  { name: 'title', label: 'Board title', hint: 'For example "Spring planning workshop".' },
  { name: 'region', label: 'Region', hint: 'The area the partnership covers.' },
  { name: 'sector', label: 'Target sector', hint: 'The sector the work focuses on.' },
];

type TemplatesState =
  | { kind: 'loading' }
  | { kind: 'ok'; templates: TemplateListing[] }
  | { kind: 'error'; message: string };

export interface CreatedBoard {
  res: CreateBoardResponse;
  title: string;
  region: string;
  sector: string;
}

export function CreateBoardForm({ onCreated }: { onCreated(created: CreatedBoard): void }) {
  const [templates, setTemplates] = useState<TemplatesState>({ kind: 'loading' });
  const [values, setValues] = useState({ title: '', region: '', sector: '' });
  const [templateId, setTemplateId] = useState('');
  const [variantId, setVariantId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const idPrefix = useId();
  const fieldRefs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLSelectElement | null>>>({});

  const loadTemplates = () => {
    setTemplates({ kind: 'loading' });
    listTemplates()
      .then((list) => {
        const arr = Array.isArray(list) ? list : [];
        setTemplates({ kind: 'ok', templates: arr });
        setTemplateId((cur) => (cur && arr.some((t) => t.id === cur) ? cur : (arr.find((t) => t.id === 'blank') ?? arr[0])?.id ?? ''));
      })
      .catch((e) => {
        setTemplates({
          kind: 'error',
          message: e instanceof NetworkError ? 'The server could not be reached.' : e instanceof Error ? e.message : String(e),
        });
      });
  };
  useEffect(loadTemplates, []);

  const template = templates.kind === 'ok' ? templates.templates.find((t) => t.id === templateId) : undefined;
  const variants = template?.variants ?? [];

  // The chosen variant, kept valid for the chosen template ('' when it has none).
  const variant = variants.some((v) => v.id === variantId) ? variantId : (variants[0]?.id ?? '');

  const fieldId = (name: FieldName) => `${idPrefix}-${name}`;
  const errorId = (name: FieldName) => `${idPrefix}-${name}-error`;

  const validate = (): FieldErrors => {
    const errs: FieldErrors = {};
    for (const f of TEXT_FIELDS) {
      const v = values[f.name].trim();
      if (!v) errs[f.name] = `${f.label} is required.`;
      else if (v.length > FIELD_MAX_LENGTH) errs[f.name] = `${f.label} must be at most ${FIELD_MAX_LENGTH} characters.`;
    }
    if (!templateId) errs.template = 'Choose a template.';
    if (variants.length > 0 && !variant) errs.variant = 'Choose a variant.';
    return errs;
  };

  const focusFirstError = (errs: FieldErrors) => {
    const order: FieldName[] = ['title', 'region', 'sector', 'template', 'variant'];
    const first = order.find((n) => errs[n]);
    if (first) fieldRefs.current[first]?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    setFormError(null);
    const errs = validate();
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      focusFirstError(errs);
      return;
    }
    setSubmitting(true);
    try {
      const title = values.title.trim();
      const region = values.region.trim();
      const sector = values.sector.trim();
      const res = await createBoard({
        template: templateId,
        title,
        region,
        sector,
        ...(variant ? { variant } : {}),
      });
      onCreated({ res, title, region, sector });
    } catch (err) {
      if (err instanceof ApiError && err.field && ['title', 'region', 'sector', 'template', 'variant'].includes(err.field)) {
        const fieldErrs = { [err.field as FieldName]: err.message };
        setErrors(fieldErrs);
        focusFirstError(fieldErrs);
      } else if (err instanceof NetworkError) {
        setFormError('The server could not be reached. Check your connection and try again.');
      } else {
        setFormError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const describedBy = (name: FieldName, hintId?: string) =>
    [hintId, errors[name] ? errorId(name) : null].filter(Boolean).join(' ') || undefined;

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="create-board-form" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>Create a board</h2>
      {TEXT_FIELDS.map((f) => {
        const hintId = `${fieldId(f.name)}-hint`;
        return (
          <div className="field" key={f.name}>
            <label htmlFor={fieldId(f.name)}>{f.label}</label>
            <input
              id={fieldId(f.name)}
              ref={(el) => {
                fieldRefs.current[f.name] = el;
              }}
              name={f.name}
              data-testid={`field-${f.name}`}
              type="text"
              required
              maxLength={FIELD_MAX_LENGTH}
              autoComplete="off"
              value={values[f.name]}
              aria-invalid={errors[f.name] ? true : undefined}
              aria-describedby={describedBy(f.name, hintId)}
              onChange={(e) => {
                const v = e.target.value;
                setValues((prev) => ({ ...prev, [f.name]: v }));
                if (errors[f.name]) setErrors((prev) => ({ ...prev, [f.name]: undefined }));
              }}
            />
            <p id={hintId} className="hint">
              {f.hint}
            </p>
            {errors[f.name] && (
              <p id={errorId(f.name)} className="field-error" data-testid={`error-${f.name}`}>
                {errors[f.name]}
              </p>
            )}
          </div>
        );
      })}

      <div className="field">
        <label htmlFor={fieldId('template')}>Template</label>
        {templates.kind === 'error' ? (
          <div className="inline-error" role="alert">
            <span>Templates could not be loaded: {templates.message}</span>{' '}
            <button type="button" className="button small secondary" onClick={loadTemplates}>
              Retry
            </button>
          </div>
        ) : (
          <select
            id={fieldId('template')}
            ref={(el) => {
              fieldRefs.current.template = el;
            }}
            name="template"
            data-testid="field-template"
            required
            disabled={templates.kind === 'loading'}
            value={templateId}
            aria-invalid={errors.template ? true : undefined}
            aria-describedby={describedBy('template', template ? `${fieldId('template')}-purpose` : undefined)}
            onChange={(e) => {
              setTemplateId(e.target.value);
              if (errors.template) setErrors((prev) => ({ ...prev, template: undefined }));
            }}
          >
            {templates.kind === 'loading' && <option value="">Loading templates…</option>}
            {templates.kind === 'ok' &&
              templates.templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
          </select>
        )}
        {template?.purpose && (
          <p id={`${fieldId('template')}-purpose`} className="hint">
            {template.purpose}
          </p>
        )}
        {errors.template && (
          <p id={errorId('template')} className="field-error" data-testid="error-template">
            {errors.template}
          </p>
        )}
      </div>

      {variants.length > 0 && (
        <div className="field">
          <label htmlFor={fieldId('variant')}>Variant</label>
          <select
            id={fieldId('variant')}
            ref={(el) => {
              fieldRefs.current.variant = el;
            }}
            name="variant"
            data-testid="field-variant"
            required
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
          {errors.variant && (
            <p id={errorId('variant')} className="field-error" data-testid="error-variant">
              {errors.variant}
            </p>
          )}
        </div>
      )}

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
