/** The test/Lighthouse static server compresses text as a production host would, and only text. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';

const root = mkdtempSync(join(tmpdir(), 'banso-static-'));
const html = `<!doctype html><p>${'伴走 '.repeat(500)}</p>`;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
let server: StaticServer;

function fetchRaw(path: string, acceptEncoding?: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((done, fail) => {
    get(server.url + path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on('data', (c) => chunks.push(c))
        .on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }))
        .on('error', fail);
    }).on('error', fail);
  });
}

beforeAll(async () => {
  writeFileSync(join(root, 'index.html'), html);
  writeFileSync(join(root, 'logo.png'), png);
  server = await startStaticServer({ root, csp: "default-src 'self'" });
});
afterAll(() => server.close());

describe('static server', () => {
  it('gzips text when the client accepts it, and says so', async () => {
    const r = await fetchRaw('', 'gzip, deflate');
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toBe('accept-encoding');
    expect(r.body.length).toBeLessThan(Buffer.byteLength(html) / 5);
    expect(gunzipSync(r.body).toString('utf8')).toBe(html);
    expect(r.headers['content-security-policy']).toBe("default-src 'self'");
  });
  it('sends text as is to a client that does not accept gzip, and never gzips binary files', async () => {
    const plain = await fetchRaw('');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(html);
    const image = await fetchRaw('logo.png', 'gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
  });
});
