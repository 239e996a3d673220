import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, clientSetup, credential } from './test-support/fixture';
import { sandboxClient } from './test-support/sdk-client';

/**
 * The standalone CLI as a separate process: bundled from source into a temp dir here (the same way
 * electron-vite bundles out/main/sandbox.js), so this test does not depend on, or disturb, a build.
 */
describe('sandbox CLI', () => {
  let dir: string;
  let cli: string;
  let child: ChildProcess | undefined;
  let stderr = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trtc-sandbox-cli-'));
    await build({
      configFile: false,
      logLevel: 'silent',
      // Bundle zod in: the temp dir has no node_modules to resolve it from.
      ssr: { noExternal: true },
      build: { ssr: resolve('src/main/sandbox/sandbox-cli.ts'), outDir: join(dir, 'out'), emptyOutDir: true, minify: false },
    });
    const [file] = (await readdir(join(dir, 'out'))).filter((name) => name.endsWith('.js') || name.endsWith('.mjs'));
    cli = join(dir, 'out', file ?? 'missing');
    await writeFile(join(dir, 'config.json'), JSON.stringify({ credentials: [credential], apps: [app] }));
  }, 60_000);
  afterAll(async () => {
    child?.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  });

  it('prints "sandbox listening PORT", answers a signed call, and guards fault control with the token', async () => {
    child = spawn(process.execPath, [cli, '--port', '0', '--config', join(dir, 'config.json'), '--control-token', 'test-control-token'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const line = await firstLine(child);
    const port = Number(/^sandbox listening (\d+)$/.exec(line)?.[1]);
    expect(port).toBeGreaterThan(0);
    expect(stderr).not.toContain(credential.secretKey);

    const client = sandboxClient(port, clientSetup);
    expect((await client.DescribeStreamIngest({ SdkAppId: app.sdkAppId, TaskId: 'none' })).Status).toBe('NotExist');

    const control = (token: string | null, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}/__sandbox/faults`, {
        method: body ? 'POST' : 'GET',
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    expect((await control(null, { target: '*', rule: { failure: 'http-503' } })).status).toBe(401);
    expect((await control('wrong', { target: '*', rule: { failure: 'http-503' } })).status).toBe(401);
    expect((await control('test-control-token', { target: '*', rule: { wrong: 1 } })).status).toBe(400);
    const set = await control('test-control-token', {
      target: 'DescribeStreamIngest',
      rule: { error: { code: 'InternalError', times: 1 } },
    });
    expect(await set.json()).toEqual({ DescribeStreamIngest: { error: { code: 'InternalError', times: 1 } } });
    await expect(client.DescribeStreamIngest({ SdkAppId: app.sdkAppId, TaskId: 'none' })).rejects.toMatchObject({ code: 'InternalError' });
    expect((await client.DescribeStreamIngest({ SdkAppId: app.sdkAppId, TaskId: 'none' })).Status).toBe('NotExist');
  }, 30_000);

  it('prints a random control token on stderr when none is given, and refuses a bad config', async () => {
    const other = spawn(process.execPath, [cli, '--config', join(dir, 'config.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let otherErr = '';
    other.stderr?.on('data', (chunk: Buffer) => {
      otherErr += chunk.toString();
    });
    try {
      await firstLine(other);
      await waitFor(() => /control token: \S{20,}/.test(otherErr));
    } finally {
      other.kill('SIGTERM');
    }
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ credentials: [], apps: [app] }));
    const bad = spawn(process.execPath, [cli, '--config', join(dir, 'bad.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let badErr = '';
    bad.stderr?.on('data', (chunk: Buffer) => {
      badErr += chunk.toString();
    });
    const code = await new Promise<number | null>((done) => bad.once('exit', done));
    expect(code).toBe(1);
    expect(badErr).toContain('credentials');
    expect(badErr).not.toContain(app.sdkSecretKey);
  }, 30_000);
});

function firstLine(child: ChildProcess): Promise<string> {
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${errors}`)));
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).once('line', resolvePromise);
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((done) => setTimeout(done, 25));
  expect(condition()).toBe(true);
}
