const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The content type of a file of the built renderer: web mode and the desktop's app:// serve the same files. */
export function contentTypeOf(file: string): string {
  // The extension by hand: shared/ stays free of Node builtins (the renderer loads it too).
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return (dot > 0 && TYPES[name.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
