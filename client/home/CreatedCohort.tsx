import { useEffect, useRef } from 'react';
import { CohortLinks } from '../cohort/CohortLinks';
import type { CreatedCohort as Created } from './CreateCohortForm';

/** What the trainer gets after creating a cohort: the private trainer link, every team's links, and the way to the dashboard. */
export function CreatedCohort({ created, onDismiss }: { created: Created; onDismiss(): void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { res, name } = created;
  return (
    <section className="card created created-cohort" aria-labelledby="created-cohort-heading" data-testid="created-cohort">
      <h2 id="created-cohort-heading" ref={headingRef} tabIndex={-1}>
        “{name}” is ready: {res.boards.length} {res.boards.length === 1 ? 'board' : 'boards'} of {created.templateTitle}
      </h2>
      <p>
        Send each team its links: the facilitator link to whoever runs the team’s session, the editor link to its
        participants, the viewer link to observers. Anyone with a link gets that role. The links are the only way in:
        download the list and keep it somewhere safe.
      </p>
      <CohortLinks data={{ name, trainer: res.links.trainer, boards: res.boards }} />
      <div className="actions">
        <a className="button primary" href={res.links.trainer} data-testid="open-dashboard">
          Open dashboard
        </a>
        <button type="button" className="button secondary" onClick={onDismiss}>
          Create another cohort
        </button>
      </div>
    </section>
  );
}
