import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorCodes, callNames, findCall, type Result } from '../../shared/contract';
import { type AppServices, createAppServices } from '../app/create-services';
import { type HttpHost, startHttpHost } from '../host/http-host';
import { MemorySecretStore } from '../secrets/memory-store';

/**
 * Hostile input at the boundary, for every entry of the contract (new entries are covered as they
 * are added): whatever arrives, the answer is a typed envelope, nothing throws, nothing is polluted,
 * and an input that is refused changes no stored state.
 */

const deep = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: [value] };
  return value;
};
const huge = 'x'.repeat(10 * 1024 * 1024);
const special = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  null,
  undefined,
  '',
  [],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  JSON.parse('{"language": "en", "__proto__": {"theme": "dark"}}'),
  deep(2000),
  { url: huge },
  huge,
  Object.create(null),
  [1, 'two', { three: 3 }],
  '{"not":"parsed"}',
  10n,
  Symbol('s'),
  () => 'function',
  new Date(Number.NaN),
  new Map([['a', 1]]),
);
const hostile = fc.oneof(
  { weight: 1, arbitrary: special },
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }) },
  {
    weight: 3,
    arbitrary: fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name', 'url', 'language', 'theme', 'sdkAppId', 'secretKey'),
      fc.anything({ maxDepth: 2 }),
    ),
  },
);

async function snapshot(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (current: string): Promise<void> => {
    for (const entry of (await readdir(current, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else hash.update(entry.name).update(await readFile(path));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

function expectEnvelope(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(appErrorCodes).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
  }
  // It must survive the trip over IPC / HTTP.
  expect(() => JSON.stringify(result)).not.toThrow();
}

let dataDir: string;
let services: AppServices;
let host: HttpHost;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'boundary-'));
  services = await createAppServices({ dataDir, secrets: new MemorySecretStore(), transport: 'browser', warn: () => {} });
  host = await startHttpHost({ services, rendererDir: dataDir });
});

afterAll(async () => {
  await host.close();
  await services.close();
});

const refused = (result: Result<unknown>) => !result.ok && (result.error.code === 'INVALID_INPUT' || result.error.code === 'UNKNOWN_CALL');

describe('the contract boundary under hostile input', () => {
  const perCall = Math.max(100, Math.ceil(9000 / callNames.length));

  it(`answers every call with a typed envelope (${perCall} inputs per call, ${callNames.length} calls) and refused inputs change nothing`, async () => {
    let tried = 0;
    for (const [index, name] of callNames.entries()) {
      const inputs = fc.sample(hostile, { numRuns: perCall, seed: 20261127 + index });
      // Refused inputs run as one batch between two snapshots of the data dir; accepted ones after.
      const spec = findCall(name);
      const refusedBySchema = inputs.filter((input) => !spec?.input.safeParse(input === undefined ? {} : input).success);
      const before = await snapshot(dataDir);
      for (const input of refusedBySchema) {
        const result = await services.dispatch(name, input);
        expectEnvelope(result);
        expect(refused(result), `${name} accepted an input its schema refuses`).toBe(true);
      }
      expect(await snapshot(dataDir), `${name}: a refused input changed stored state`).toBe(before);
      for (const input of inputs.filter((input) => !refusedBySchema.includes(input))) expectEnvelope(await services.dispatch(name, input));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      tried += inputs.length;
    }
    expect(tried).toBeGreaterThanOrEqual(9000);
    console.log(`boundary: ${tried} hostile inputs through the dispatcher, all answered with a typed envelope`);
  }, 300_000);

  it('treats unknown and prototype call names as unknown calls', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'system.__proto__', 'hasOwnProperty'),
        ),
        hostile,
        async (name, input) => {
          fc.pre(!(callNames as readonly string[]).includes(name));
          const result = await services.dispatch(name, input);
          expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers hostile HTTP bodies through the browser host with the same envelopes', async () => {
    const bodies = fc.oneof(
      hostile.map((value) => {
        try {
          return JSON.stringify(value) ?? 'undefined';
        } catch {
          return '{"unserialisable": true}';
        }
      }),
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', '{', '[[[[', 'null', '"__proto__"', '{"__proto__":{"polluted":1}}', 'x'.repeat(2 * 1024 * 1024)),
    );
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...callNames, 'nope.nothing', '__proto__'), bodies, async (name, body) => {
        const response = await fetch(`http://127.0.0.1:${host.port}/rpc/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
          body,
        });
        tried++;
        expect([200, 413]).toContain(response.status);
        expectEnvelope((await response.json()) as Result<unknown>);
      }),
      { numRuns: 1000 },
    );
    console.log(`boundary: ${tried} hostile bodies through the browser host`);
  }, 300_000);
});
