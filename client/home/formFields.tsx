import { useId, useRef, useState, type ReactNode } from 'react';
import { ApiError, NetworkError, type TemplateListing } from '../lib/api';
import { useTemplates, type TemplatesState } from '../lib/useTemplates';
import { FIELD_MAX_LENGTH } from '../../shared/api/limits';

/** Longest text a board or cohort field takes (the server checks the same limit). */
export const MAX_FIELD_LENGTH = FIELD_MAX_LENGTH;

/**
 * What the create forms share: ids and test ids per field, the error line under a field, text
 * inputs, the template and variant selects, and how a refused submission is shown.
 */
export interface FormFields<F extends string> {
  /** Element id of a field's control. */
  id(name: F): string;
  /** Test id prefix: `${testPrefix}field-<name>`, `${testPrefix}error-<name>`. */
  testPrefix: string;
  errors: Partial<Record<F, string>>;
  /** Remembers a field's element, for focusing the first field in error. */
  ref(name: F): (el: HTMLElement | null) => void;
}

export function errorId<F extends string>(form: FormFields<F>, name: F): string {
  return `${form.id(name)}-error`;
}

/** The `aria-describedby` of a field: its hint, then its error when it has one. */
export function describedBy<F extends string>(form: FormFields<F>, name: F, hintId?: string): string | undefined {
  return [hintId, form.errors[name] ? errorId(form, name) : null].filter(Boolean).join(' ') || undefined;
}

export function FieldError<F extends string>({ form, name }: { form: FormFields<F>; name: F }) {
  const message = form.errors[name];
  if (!message) return null;
  return (
    <p id={errorId(form, name)} className="field-error" data-testid={`${form.testPrefix}error-${name}`}>
      {message}
    </p>
  );
}

interface TextFieldProps<F extends string> {
  form: FormFields<F>;
  name: F;
  label: string;
  hint: ReactNode;
  value: string;
  required?: boolean;
  onChange(value: string): void;
}

export function TextField<F extends string>({ form, name, label, hint, value, required, onChange }: TextFieldProps<F>) {
  const hintId = `${form.id(name)}-hint`;
  return (
    <div className="field">
      <label htmlFor={form.id(name)}>{label}</label>
      <input
        id={form.id(name)}
        ref={form.ref(name)}
        name={name}
        data-testid={`${form.testPrefix}field-${name}`}
        type="text"
        required={required}
        maxLength={MAX_FIELD_LENGTH}
        autoComplete="off"
        value={value}
        aria-invalid={form.errors[name] ? true : undefined}
        aria-describedby={describedBy(form, name, hintId)}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={hintId} className="hint">
        {hint}
      </p>
      <FieldError form={form} name={name} />
    </div>
  );
}

interface TemplateFieldsProps<F extends string> {
  form: FormFields<F | 'template' | 'variant'>;
  label: string;
  templates: TemplatesState;
  reload(): void;
  /** The chosen template ('' while there is none). */
  templateId: string;
  template: TemplateListing | undefined;
  variant: string;
  required?: boolean;
  onTemplate(id: string): void;
  onVariant(id: string): void;
}

/** The template select (with a retry when the list could not be loaded) and, when it has variants, the variant select. */
export function TemplateFields<F extends string>(props: TemplateFieldsProps<F>) {
  const { form, label, templates, reload, templateId, template, variant, required, onTemplate, onVariant } = props;
  const variants = template?.variants ?? [];
  const purposeId = `${form.id('template')}-purpose`;
  return (
    <>
      <div className="field">
        <label htmlFor={form.id('template')}>{label}</label>
        {templates.kind === 'error' ? (
          <div className="inline-error" role="alert">
            <span>Templates could not be loaded: {templates.message}</span>{' '}
            <button type="button" className="button small secondary" onClick={reload}>
              Retry
            </button>
          </div>
        ) : (
          <select
            id={form.id('template')}
            ref={form.ref('template')}
            name="template"
            data-testid={`${form.testPrefix}field-template`}
            required={required}
            disabled={templates.kind === 'loading'}
            value={templateId}
            aria-invalid={form.errors.template ? true : undefined}
            aria-describedby={describedBy(form, 'template', template?.purpose ? purposeId : undefined)}
            onChange={(e) => onTemplate(e.target.value)}
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
          <p id={purposeId} className="hint">
            {template.purpose}
          </p>
        )}
        <FieldError form={form} name="template" />
      </div>

      {variants.length > 0 && (
        <div className="field">
          <label htmlFor={form.id('variant')}>Variant</label>
          <select
            id={form.id('variant')}
            ref={form.ref('variant')}
            name="variant"
            data-testid={`${form.testPrefix}field-variant`}
            required={required}
            value={variant}
            aria-invalid={form.errors.variant ? true : undefined}
            aria-describedby={describedBy(form, 'variant')}
            onChange={(e) => onVariant(e.target.value)}
          >
            {variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
          <FieldError form={form} name="variant" />
        </div>
      )}
    </>
  );
}

/**
 * The templates from the server and the one chosen, with its variant: `byDefault` picks the
 * template until someone chooses; the variant is kept valid for the template ('' when it has
 * none). `fields` are TemplateFields' props; a choice clears that field's error.
 */
export function useTemplateChoice(byDefault: (list: TemplateListing[]) => TemplateListing | undefined, clearError: (name: 'template' | 'variant') => void) {
  const { state: templates, reload } = useTemplates();
  const [templateId, setTemplateId] = useState('');
  const [variantId, setVariantId] = useState('');
  const list = templates.kind === 'ok' ? templates.templates : [];
  const chosenId = list.some((t) => t.id === templateId) ? templateId : (byDefault(list)?.id ?? '');
  const template = list.find((t) => t.id === chosenId);
  const variants = template?.variants ?? [];
  const variant = variants.some((v) => v.id === variantId) ? variantId : (variants[0]?.id ?? '');
  const fields = {
    templates,
    reload,
    templateId: chosenId,
    template,
    variant,
    onTemplate(id: string) {
      setTemplateId(id);
      clearError('template');
    },
    onVariant(id: string) {
      setVariantId(id);
      clearError('variant');
    },
  };
  return { templates, templateId: chosenId, template, variant, fields };
}

/**
 * How a refused submission shows: on the field the server names (`fieldOf` maps its name to one of
 * the form's, or null), else as a line for the whole form.
 */
export function submitError<F extends string>(err: unknown, fieldOf: (field: string | undefined) => F | null): { field: Partial<Record<F, string>> } | { form: string } {
  const field = err instanceof ApiError ? fieldOf(err.field) : null;
  if (err instanceof ApiError && field) return { field: { [field]: err.message } as Partial<Record<F, string>> };
  if (err instanceof NetworkError) return { form: 'The server could not be reached. Check your connection and try again.' };
  return { form: err instanceof Error ? err.message : String(err) };
}

/**
 * A form's field ids, errors and focus: `showErrors` sets the errors and focuses the first field in
 * error (in `order`); `clearError` drops one field's error as it is edited.
 */
export function useFormFields<F extends string>(order: readonly F[], testPrefix: string) {
  const base = useId();
  const elements = useRef<Partial<Record<F, HTMLElement | null>>>({});
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const form: FormFields<F> = {
    id: (name) => `${base}-${name}`,
    testPrefix,
    errors,
    ref: (name) => (el) => {
      elements.current[name] = el;
    },
  };
  const showErrors = (errs: Partial<Record<F, string>>) => {
    setErrors(errs);
    const first = order.find((n) => errs[n]);
    if (first) elements.current[first]?.focus();
  };
  const clearError = (name: F) => {
    if (errors[name]) setErrors((prev) => ({ ...prev, [name]: undefined }));
  };
  return { form, base, showErrors, clearError };
}
