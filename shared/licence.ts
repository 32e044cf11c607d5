/**
 * The tldraw licence key reaches the browser at run time in the app's page, as
 * `<meta name="pb-tldraw-license-key" content="…">`: the server puts it there from
 * TLDRAW_LICENSE_KEY (server/http/indexHtml.ts), the client reads it (client/board/licence.ts).
 */
export const LICENSE_KEY_META = 'pb-tldraw-license-key';
