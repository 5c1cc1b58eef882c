/**
 * The one Content-Security-Policy of the console's page, sent as a header by both shells: web mode
 * on every response, Electron on every response of its app:// protocol (a meta tag alone cannot set
 * frame-ancestors and applies only after the page has started to parse).
 *
 * `connect` lists the only places the page may open connections to besides its own origin: web
 * mode's own events WebSocket (ws://host of the page), Vite's hot-reload socket while developing.
 * `inlineScripts` is for the dev server only (@vitejs/plugin-react injects an inline preamble).
 */
export function contentSecurityPolicy({ connect = [], inlineScripts = false }: { connect?: string[]; inlineScripts?: boolean } = {}): string {
  return [
    "default-src 'self'",
    inlineScripts ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // React sets style attributes; Leaflet positions map panes the same way.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connect].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
