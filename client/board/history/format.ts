import type { SnapshotInfo, SnapshotKind } from '../../../shared/api/history';

/** How the History panel and the snapshot page name things. Pure; dates in the browser's time zone. */

export const KIND_LABEL: Record<SnapshotKind, string> = {
  manual: 'Saved',
  auto: 'Automatic',
  'pre-restore': 'Before a restore',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The name "Save snapshot" proposes: "Snapshot 25 Nov 14:05" (local time). */
export function defaultSnapshotName(now: Date = new Date()): string {
  return `Snapshot ${now.getDate()} ${MONTHS[now.getMonth()]} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** "25 Nov 2026, 14:05" (local time); the ISO text when it is not a date. */
export function snapshotDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Saved by Fran", "Automatic", "Before a restore by Fran". */
export function snapshotOrigin(s: Pick<SnapshotInfo, 'kind' | 'createdBy'>): string {
  return s.createdBy ? `${KIND_LABEL[s.kind]} by ${s.createdBy}` : KIND_LABEL[s.kind];
}
