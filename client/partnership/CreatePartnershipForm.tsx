import { useId, useState, type FormEvent } from 'react';
import type { MemberRole } from '../../shared/partnership';
import { ApiError, NetworkError } from '../lib/api';
import { createPartnership } from './partnershipApi';

type Field = 'name' | 'region' | 'sector' | 'memberRole';

/**
 * "A partnership": a sector partnership's own space across its meetings. Creating one opens its
 * page with the lead link (the page shows the member link to send to partners).
 */
export function CreatePartnershipForm() {
  const id = useId();
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [sector, setSector] = useState('');
  const [memberRole, setMemberRole] = useState<MemberRole>('editor');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!name.trim()) missing.name = 'Give the partnership a name.';
    if (!region.trim()) missing.region = 'Say which region it serves.';
    if (!sector.trim()) missing.sector = 'Name its target sector.';
    setErrors(missing);
    setGeneral(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const res = await createPartnership({ name: name.trim(), region: region.trim(), sector: sector.trim(), memberRole });
      window.location.assign(res.links.lead);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.field && ['name', 'region', 'sector', 'memberRole'].includes(err.field)) setErrors({ [err.field]: err.message });
      else setGeneral(err instanceof NetworkError ? 'The server could not be reached; try again.' : err instanceof Error ? err.message : String(err));
    }
  };
  const field = (f: Exclude<Field, 'memberRole'>, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${f}`}>{label}</label>
      <input
        id={`${id}-${f}`}
        value={value}
        maxLength={120}
        onChange={(e) => set(e.target.value)}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={errors[f] ? `${id}-${f}-error` : undefined}
        data-testid={`partnership-${f}`}
      />
      {hint && <p className="hint">{hint}</p>}
      {errors[f] && (
        <p id={`${id}-${f}-error`} className="field-error">
          {errors[f]}
        </p>
      )}
    </div>
  );
  return (
    <form onSubmit={submit} noValidate data-testid="create-partnership-form">
      <p className="muted form-intro">
        One place for a partnership’s meetings over the months: every meeting board, the self-assessment rubric over time and one action plan.
      </p>
      {field('name', 'Partnership name', name, setName)}
      <div className="field-row">
        {field('region', 'Region', region, setRegion)}
        {field('sector', 'Target sector', sector, setSector, 'Every meeting board gets this region and sector.')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Partners with the member link</label>
        <select id={`${id}-role`} value={memberRole} onChange={(e) => setMemberRole(e.target.value as MemberRole)}>
          <option value="editor">can edit the boards</option>
          <option value="viewer">can only view the boards</option>
        </select>
      </div>
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy} data-testid="create-partnership">
          {busy ? 'Creating…' : 'Create the partnership'}
        </button>
      </div>
    </form>
  );
}
