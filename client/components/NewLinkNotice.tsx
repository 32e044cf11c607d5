import { useEffect, useState } from 'react';
import { copyText } from '../lib/clipboard';
import { forgetNewLink, hasNewLink } from '../lib/newLink';
import './newLinkNotice.css';

/**
 * Shown once after this person replaced their own link (the facilitator link in LinksMenu, the
 * trainer link on the cohort dashboard): the page now runs on the new link, which is in the
 * address bar; the old one no longer works.
 */
export function NewLinkNotice({ id, what }: { id: string; what: 'facilitator' | 'trainer' }) {
  const [shown, setShown] = useState(() => hasNewLink(id));
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (shown) forgetNewLink();
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="new-link-notice">
      <div>
        <strong>You have a new {what} link.</strong> It is in the address bar; the old {what === 'facilitator' ? 'facilitator links no longer work' : 'one no longer works'}.
        Keep it somewhere safe{copied === true ? ' (copied)' : copied === false ? ' (copy it from the address bar)' : ''}.
      </div>
      <div className="banner-actions">
        <button type="button" className="button small secondary" onClick={() => void copyText(window.location.href).then(setCopied)}>
          Copy link
        </button>
        <button type="button" className="button small secondary" onClick={() => setShown(false)}>
          OK
        </button>
      </div>
    </div>
  );
}
