// The UI is served from app://vanthu/ (not file://, which gives a page the whole disk's origin):
// which file of the built renderer a request names, and nothing outside that folder.
import { extname, join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://vanthu';
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The UI's Content-Security-Policy, sent with its pages in the window (app://) and in browser mode. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The file an app:// request names inside the renderer folder, with its type; null for anything else. */
export function appFile(rendererDir: string, requestUrl: string): { path: string; mime: string } | null {
  const m = /^app:\/\/vanthu(\/[^?#]*)?(?:[?#].*)?$/i.exec(requestUrl);
  if (!m) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(m[1] ?? '/');
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
  const root = normalize(rendererDir);
  const path = join(root, relative);
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const mime = MIME[extname(path).toLowerCase()];
  return mime ? { path, mime } : null;
}
