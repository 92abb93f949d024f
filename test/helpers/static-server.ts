/**
 * A tiny static file server for dist/, on loopback only, used by the browser tests, Lighthouse and
 * the benchmark. It serves under a base path, can send a Content-Security-Policy header, and gzips
 * text as any production host would (README, "Deploying"), so Lighthouse sees real transfer sizes.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.sql': 'application/sql; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest', '.sql']);

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startStaticServer(opts: {
  root: string;
  base?: string;
  csp?: string;
  port?: number;
}): Promise<StaticServer> {
  const root = resolve(opts.root);
  const base = `/${(opts.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const gzipped = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base) && `${path}/` !== base) {
        res.writeHead(404).end('not under base');
        return;
      }
      path = path.slice(base.length - 1) || '/';
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      let s = await stat(file).catch(() => null);
      if (s?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, 'index.html');
        s = await stat(file).catch(() => null);
      }
      const headers: Record<string, string> = {};
      if (opts.csp) headers['content-security-policy'] = opts.csp;
      if (!s) {
        const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('not found'));
        res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(notFound);
        return;
      }
      headers['content-type'] = TYPES[extname(file)] ?? 'application/octet-stream';
      let body: Buffer = await readFile(file);
      if (COMPRESSIBLE.has(extname(file))) {
        headers.vary = 'accept-encoding';
        if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          const key = `${file}:${s.mtimeMs}:${s.size}`;
          if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
          body = gzipped.get(key)!;
          headers['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, headers).end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
