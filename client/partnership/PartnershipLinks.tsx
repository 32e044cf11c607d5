import { useId, useState } from 'react';
import type { MemberRole, PartnershipAnswer, PartnershipRole } from '../../shared/partnership';
import { ApiError } from '../lib/api';
import { copyText } from '../lib/clipboard';
import { exportUrl, rotateLink, setMemberRole } from './partnershipApi';

/** Exports for everyone; for the lead also both links, replacing them, and the members' role on the boards. */
export function PartnershipLinks({ data, token, onChanged }: { data: PartnershipAnswer; token: string; onChanged(): void }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState<PartnershipRole | null>(null);
  const copy = async (label: string, link: string) => setStatus((await copyText(link)) ? `${label} copied.` : 'Copying failed: select the link and copy it.');
  const rotate = async (which: PartnershipRole) => {
    setConfirming(null);
    try {
      const { link } = await rotateLink(data.id, token, which);
      if (which === 'lead') {
        // This page's own link was replaced: move to the new one.
        window.location.replace(link);
        return;
      }
      setStatus('The member link was replaced. Send the new one to the partners.');
      onChanged();
    } catch (e) {
      setStatus(e instanceof ApiError ? e.message : 'The server could not be reached.');
    }
  };
  const changeRole = async (role: MemberRole) => {
    try {
      await setMemberRole(data.id, token, role);
      setStatus(role === 'viewer' ? 'Members now open the boards read-only.' : 'Members can now edit the boards.');
      onChanged();
    } catch (e) {
      setStatus(e instanceof ApiError ? e.message : 'The server could not be reached.');
    }
  };
  return (
    <section className="card pl" aria-labelledby={id} data-testid="partnership-links">
      <h2 id={id}>Export and share</h2>
      <div className="actions pl-exports">
        <a className="button secondary small" href={exportUrl(data.id, token, 'html')} target="_blank" rel="noreferrer" data-testid="export-html">
          Printable report
        </a>
        <a className="button ghost small" href={exportUrl(data.id, token, 'csv')} data-testid="export-csv">
          Actions (CSV)
        </a>
        <a className="button ghost small" href={exportUrl(data.id, token, 'json')} data-testid="export-json">
          JSON
        </a>
      </div>
      {data.links && (
        <>
          <div className="pl-row">
            <span>
              <strong>Member link</strong> <span className="muted">opens every board as {data.memberRole === 'editor' ? 'an editor' : 'a viewer'}</span>
            </span>
            <div className="actions">
              <button type="button" className="button secondary small" onClick={() => copy('The member link', data.links!.member)} data-testid="copy-member">
                Copy
              </button>
              <button type="button" className="button ghost small" onClick={() => setConfirming('member')} data-testid="rotate-member">
                Replace
              </button>
            </div>
          </div>
          <div className="pl-row">
            <span>
              <strong>Lead link</strong> <span className="muted">(this page; keep it private)</span>
            </span>
            <div className="actions">
              <button type="button" className="button secondary small" onClick={() => copy('The lead link', data.links!.lead)}>
                Copy
              </button>
              <button type="button" className="button ghost small" onClick={() => setConfirming('lead')} data-testid="rotate-lead">
                Replace
              </button>
            </div>
          </div>
          <label className="pl-row">
            <span>Members on the boards</span>
            <select value={data.memberRole} onChange={(e) => void changeRole(e.target.value as MemberRole)} data-testid="member-role">
              <option value="editor">can edit</option>
              <option value="viewer">can only view</option>
            </select>
          </label>
          {confirming && (
            <div className="pl-confirm" role="alertdialog" aria-label="Replace the link">
              <p>
                {confirming === 'member'
                  ? 'The member link and every board link it gave stop working at once; partners need the new link.'
                  : 'This link and every board link it gave (your facilitator links included) stop working at once; this page moves to the new link.'}
              </p>
              <div className="actions">
                <button type="button" className="button primary small" onClick={() => void rotate(confirming)} data-testid="rotate-confirm">
                  Replace the {confirming} link
                </button>
                <button type="button" className="button ghost small" onClick={() => setConfirming(null)}>
                  Keep it
                </button>
              </div>
            </div>
          )}
        </>
      )}
      <p className="pl-status" role="status">
        {status}
      </p>
    </section>
  );
}
