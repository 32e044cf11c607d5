import { Box, type Editor, type TLShape, type TLShapeId } from 'tldraw';
import { exportFilename, fileSlug, insertBoardImage, type ExportFormat } from '../../../shared/api/exportDocument';
import type { ExerciseDef } from '../../../exercises/kit/definitions';
import { ApiError, NetworkError } from '../../lib/api';
import { zoneBounds } from '../cards/cardEdits';

/**
 * What the board's Export menu does. Server exports are fetched (the token travels in the query
 * string as for every API call; the server never logs query strings) and saved from a Blob, so
 * the browser's download gets the server's file name. Images come from tldraw's own exporter.
 */

export function exportUrl(boardId: string, token: string, format: ExportFormat): string {
  return `/api/boards/${encodeURIComponent(boardId)}/export?format=${format}&token=${encodeURIComponent(token)}`;
}

/** The file name of a Content-Disposition header (`filename="…"`), or null. */
function filenameOf(disposition: string | null): string | null {
  const m = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return m ? m[1] : null;
}

async function fetchExport(boardId: string, token: string, format: ExportFormat): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(exportUrl(boardId, token, format), { credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? `The server answered ${res.status}`, body?.error?.field);
  }
  return res;
}

/** Saves a Blob under a file name through a temporary link. */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads a server export (JSON, CSV zip, Markdown). Resolves with the file name. */
export async function downloadExport(boardId: string, token: string, format: ExportFormat, title: string): Promise<string> {
  const res = await fetchExport(boardId, token, format);
  const blob = await res.blob();
  const name = filenameOf(res.headers.get('content-disposition')) ?? exportFilename(title, today(), `.${format === 'csv' ? 'zip' : format}`);
  saveBlob(blob, name);
  return name;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The shapes of the current page, zones included (they frame the exercise). */
function pageShapes(editor: Editor): TLShape[] {
  return editor.getCurrentPageShapesSorted();
}

/** The step whose zone covers most of the viewport (the zone the person is looking at). */
export function zoneInView(editor: Editor, exercise: ExerciseDef | undefined): { stepIndex: number; title: string; zoneId: string } | null {
  if (!exercise) return null;
  const view = editor.getViewportPageBounds();
  let best: { stepIndex: number; title: string; zoneId: string; area: number } | null = null;
  exercise.template.steps.forEach((step, stepIndex) => {
    if (!step.zoneId) return;
    const b = zoneBounds(editor, step.zoneId);
    if (!b) return;
    const w = Math.min(b.maxX, view.maxX) - Math.max(b.minX, view.minX);
    const h = Math.min(b.maxY, view.maxY) - Math.max(b.minY, view.minY);
    const area = w > 0 && h > 0 ? w * h : 0;
    if (area > 0 && (!best || area > best.area)) best = { stepIndex, title: step.title, zoneId: step.zoneId, area };
  });
  const found = best as { stepIndex: number; title: string; zoneId: string; area: number } | null;
  return found ? { stepIndex: found.stepIndex, title: found.title, zoneId: found.zoneId } : null;
}

/** The shapes to draw for a zone: those whose bounds touch it, and the zone's bounds as the frame. */
function zoneShapes(editor: Editor, zoneId: string): { ids: TLShapeId[]; bounds: Box } | null {
  const bounds = zoneBounds(editor, zoneId);
  if (!bounds) return null;
  const ids = pageShapes(editor)
    .filter((s) => {
      const b = editor.getShapePageBounds(s);
      return !!b && Box.Collides(b, bounds);
    })
    .map((s) => s.id);
  return { ids, bounds };
}

export type ImageFormat = 'png' | 'svg';

/** Exports the whole board, or one zone, as PNG or SVG and saves it. Resolves with the file name. */
export async function downloadImage(editor: Editor, format: ImageFormat, title: string, zone?: { zoneId: string; title: string }): Promise<string> {
  let ids: TLShapeId[];
  let bounds: Box | undefined;
  if (zone) {
    const z = zoneShapes(editor, zone.zoneId);
    if (!z) throw new Error('That step’s zone is not on the board.');
    ids = z.ids;
    bounds = z.bounds;
  } else {
    ids = pageShapes(editor).map((s) => s.id);
  }
  if (ids.length === 0) throw new Error('There is nothing on the board to draw yet.');
  const { blob } = await editor.toImage(ids, { format, background: true, darkMode: false, padding: 24, bounds, pixelRatio: format === 'png' ? 2 : undefined });
  const what = zone ? `-${fileSlug(zone.title, 40) || 'step'}` : '-board';
  const name = exportFilename(title, today(), `${what}.${format}`);
  saveBlob(blob, name);
  return name;
}

/**
 * Makes tldraw's SVG safe to place in the report: no scripts, no embedded documents, no event
 * handler attributes, no javascript: links. tldraw already escapes the text it draws; this is a
 * second line of defence (the report's own policy also forbids scripts).
 */
function sanitiseSvg(svgMarkup: string): string {
  const doc = new DOMParser().parseFromString(svgMarkup, 'image/svg+xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('The board image could not be read.');
  for (const el of Array.from(doc.querySelectorAll('script, iframe, object, embed'))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if ((name === 'href' || name.endsWith(':href') || name === 'src') && /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  return new XMLSerializer().serializeToString(doc.documentElement);
}

/**
 * Opens the printable report in a new tab with the whole board drawn in its image slot. The tab
 * is opened at once (inside the click, so pop-up blockers allow it) and filled when ready.
 */
export async function openReport(boardId: string, token: string, editor: Editor | null): Promise<void> {
  const tab = window.open('', '_blank');
  if (!tab) throw new Error('The browser blocked the new tab. Allow pop-ups for this site and try again.');
  try {
    tab.document.title = 'Preparing the report…';
    tab.document.body.textContent = 'Preparing the report…';
  } catch {
    // A tab we cannot write to still gets the report below.
  }
  try {
    const html = await (await fetchExport(boardId, token, 'html')).text();
    let page = html;
    const ids = editor ? pageShapes(editor).map((s) => s.id) : [];
    if (editor && ids.length > 0) {
      try {
        const svg = await editor.getSvgString(ids, { background: true, darkMode: false, padding: 24 });
        if (svg) page = insertBoardImage(html, `<figure class="board-image" aria-label="The board">${sanitiseSvg(svg.svg)}</figure>`) ?? html;
      } catch (e) {
        // The report is still worth having without the picture; its placeholder stays.
        console.warn('The board image could not be drawn for the report', e);
      }
    }
    const url = URL.createObjectURL(new Blob([page], { type: 'text/html;charset=utf-8' }));
    tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 120_000);
  } catch (e) {
    tab.close();
    throw e;
  }
}

/** A sentence for a failed export. */
export function exportErrorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.status === 401 || e.status === 404 ? `Export refused: ${e.message}` : `Export failed: ${e.message}`;
  if (e instanceof NetworkError) return 'Export failed: the server could not be reached.';
  return e instanceof Error ? e.message : 'Export failed.';
}
