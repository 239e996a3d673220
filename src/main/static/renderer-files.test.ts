import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRendererFile } from './renderer-files';

describe('readRendererFile', () => {
  it('serves files inside the renderer folder and nothing outside it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'renderer-'));
    await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(root, 'renderer', 'index.html'), '<html>');
    await writeFile(join(root, 'renderer', 'assets', 'a.js'), 'x');
    await writeFile(join(root, 'secret.txt'), 'nope');
    const dir = join(root, 'renderer');

    expect((await readRendererFile(dir, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await readRendererFile(dir, '/assets/a.js'))?.body.toString()).toBe('x');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/a%00.js',
      '/missing.js',
    ]) {
      expect(await readRendererFile(dir, path)).toBeNull();
    }
  });

  it('does not follow a symlink out of the renderer folder, and follows one that stays inside', async () => {
    const root = await mkdtemp(join(tmpdir(), 'renderer-'));
    const dir = join(root, 'renderer');
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'assets', 'a.js'), 'x');
    await writeFile(join(root, 'secret.txt'), 'nope');
    await symlink(join(root, 'secret.txt'), join(dir, 'leak.js'));
    await symlink(root, join(dir, 'up'));
    await symlink(join(dir, 'assets', 'a.js'), join(dir, 'alias.js'));
    expect(await readRendererFile(dir, '/leak.js')).toBeNull();
    expect(await readRendererFile(dir, '/up/secret.txt')).toBeNull();
    expect((await readRendererFile(dir, '/alias.js'))?.body.toString()).toBe('x');
  });
});
