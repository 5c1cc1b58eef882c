import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../../shared/util/content-types.js';

/** Serves the built renderer. index.html gets the web token as a meta tag so the page can call the API. */
export class StaticFiles {
  private index: string | null = null;

  constructor(
    private readonly root: string,
    private readonly token: string,
  ) {}

  /** `pathname` is already decoded (see request-url.ts). */
  async serve(pathname: string, res: ServerResponse): Promise<void> {
    if (pathname === '/' || pathname === '/index.html') return this.serveIndex(res);
    const file = normalize(join(this.root, pathname));
    if (!file.startsWith(this.root + sep)) return notFound(res);
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': contentTypeOf(file),
        // Vite puts a content hash in asset names, so they never change under the same URL.
        'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
    } catch {
      notFound(res);
    }
  }

  private async serveIndex(res: ServerResponse): Promise<void> {
    if (this.index === null) {
      try {
        const html = await readFile(join(this.root, 'index.html'), 'utf8');
        this.index = html.replace('</head>', `<meta name="rrnet-token" content="${this.token}"></head>`);
      } catch {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Renderer not built: run `npm run build:renderer` (npm run web does it for you).\n');
        return;
      }
    }
    res.writeHead(200, { 'content-type': contentTypeOf('index.html'), 'cache-control': 'no-store' });
    res.end(this.index);
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}
