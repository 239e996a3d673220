import { readFile, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export interface RendererFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads a file of the built renderer for a URL path; `null` when there is none. Paths that would
 * leave the renderer folder (.., encoded separators, symlinks that lead out of it) are refused.
 */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const file = resolve(root, relative);
  if (!inside(root, file)) return null;
  try {
    // A symlink inside the folder may point anywhere: what is read is where the link leads, and that
    // must be inside the (real) renderer folder too.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!inside(realRoot, realFile)) return null;
    const body = await readFile(realFile);
    return { body, contentType: contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

function inside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + sep);
}
