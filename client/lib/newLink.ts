/**
 * After someone replaced their own link (a board's facilitator link, a cohort's trainer link),
 * the page reloads on the new link; this remembers (for this tab only) to tell them so once it
 * has reloaded. `id` is the board or cohort id.
 */
const KEY = 'pb.newLink';

export function rememberNewLink(id: string): void {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    // Storage refused: the page still reloads on the new link, without the notice.
  }
}

/** True on the board or cohort whose link was just replaced, until `forgetNewLink`. */
export function hasNewLink(id: string): boolean {
  try {
    return sessionStorage.getItem(KEY) === id;
  } catch {
    return false;
  }
}

export function forgetNewLink(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
