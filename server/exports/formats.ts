import { exportFilename, type BoardExport, type ExportFormat } from '../../shared/api/exportDocument';
import { csvZip } from './csvFiles';
import { REPORT_CSP, renderHtml } from './html';
import { renderMarkdown } from './markdown';

export { exportFilename };

/** A rendered export, ready to send. */
export interface RenderedExport {
  body: string | Uint8Array;
  contentType: string;
  /** Safe ASCII file name. */
  filename: string;
  /** `inline` for the HTML report (it opens in a tab), `attachment` for the rest. */
  disposition: 'inline' | 'attachment';
  /** A stricter Content-Security-Policy for the response, when the format needs one. */
  csp?: string;
}

export function renderExport(doc: BoardExport, format: ExportFormat): RenderedExport {
  const name = (suffix: string) => exportFilename(doc.board.title, doc.exportedAt.slice(0, 10), suffix);
  switch (format) {
    case 'json':
      return { body: `${JSON.stringify(doc, null, 2)}\n`, contentType: 'application/json; charset=utf-8', filename: name('.json'), disposition: 'attachment' };
    case 'csv':
      return { body: csvZip(doc), contentType: 'application/zip', filename: name('-csv.zip'), disposition: 'attachment' };
    case 'md':
      return { body: renderMarkdown(doc), contentType: 'text/markdown; charset=utf-8', filename: name('.md'), disposition: 'attachment' };
    case 'html':
      return { body: renderHtml(doc), contentType: 'text/html; charset=utf-8', filename: name('-report.html'), disposition: 'inline', csp: `${REPORT_CSP}; frame-ancestors 'none'` };
  }
}
