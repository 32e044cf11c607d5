export function LicenceMessage() {
  return (
    <div className="licence-message" role="alert" data-testid="licence-message">
      <h2>This board can’t be shown</h2>
      <p>
        The tldraw licence key is missing or invalid for this host ({window.location.hostname}), so the drawing canvas has
        been switched off. The board’s content is safe on the server.
      </p>
      <p>
        The server’s administrator must set a valid <code>TLDRAW_LICENSE_KEY</code> for this domain (see tldraw.dev/pricing) and
        restart the server. Local development on <code>http://localhost</code> needs no key.
      </p>
    </div>
  );
}
