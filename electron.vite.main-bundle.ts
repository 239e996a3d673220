/**
 * How main's bundle takes in its dependencies (used by electron.vite.config.ts, main section).
 *
 * Node resolves, reads, detects the format of and compiles every externalized dependency file one at
 * a time at start-up: about 220 files (zod's 95, the SDK's HTTP helpers, uuid's 21...), which cost the
 * browser host more CPU than its own services. Bundled, they are one file that V8 parses lazily.
 * keytar is a native addon loaded at run time, so it stays external (electron-builder packs it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Pure-JS runtime dependencies bundled into main (every dependency but keytar). */
export const bundledDependencies = ['zod', 'papaparse', 'm3u8-parser', 'write-file-atomic', 'tls-sig-api-v2', 'tencentcloud-sdk-nodejs'];

/**
 * tls-sig-api-v2's package.json names `main` twice, which the bundler's resolver refuses; Node takes the
 * last one, so point at that file.
 */
export const bundledAliases = { 'tls-sig-api-v2': resolve('node_modules/tls-sig-api-v2/TLSSigAPIv2.js') };

export function mainBundlePlugins(): Plugin[] {
  return [jsonAsParse(), nodeFetchUsesNodeUrl(), bundledModulesManifest()];
}

/**
 * Bundled JSON of dependencies (mime-db's 180 kB, through the SDK's form-data) as `JSON.parse('...')`
 * rather than an object literal: V8 scans a string far faster than it parses (twice: pre-parse, then
 * full parse when first run) the same data as a literal.
 */
function jsonAsParse(): Plugin {
  return {
    name: 'ingest-desk:json-as-parse',
    enforce: 'pre',
    load: {
      filter: { id: /[\\/]node_modules[\\/].*\.json$/ },
      handler(id) {
        const text = JSON.stringify(JSON.parse(readFileSync(id, 'utf8')));
        return { code: `export default JSON.parse(${JSON.stringify(text)});`, moduleType: 'js' };
      },
    },
  };
}

/**
 * node-fetch 2 (the SDK's HTTP client) takes Node's own URL and falls back to whatwg-url's only where
 * Node has none (`Url.URL || whatwgUrl.URL`), so that fallback is Node's URL too: it keeps out of the
 * bundle tr46's 280 kB table that nothing uses, and whatwg-url's `require('punycode')`, which Node deprecates
 * (DEP0040, a warning on every start) when called from outside node_modules.
 */
function nodeFetchUsesNodeUrl(): Plugin {
  const stub = '\0ingest-desk:whatwg-url-is-node-url';
  return {
    name: 'ingest-desk:node-fetch-uses-node-url',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^whatwg-url$/ },
      handler(_source, importer) {
        return importer?.replaceAll('\\', '/').includes('/node_modules/node-fetch/') ? stub : null;
      },
    },
    load: {
      filter: { id: /^\0ingest-desk:whatwg-url-is-node-url$/ },
      handler: () => ({ code: 'export default { URL: globalThis.URL };', moduleType: 'js' }),
    },
  };
}

/**
 * Writes `bundled-modules.json` next to the chunks: for each chunk, the dependency files bundled into
 * it (the path after `node_modules/`, so nested ones read `tencentcloud-sdk-nodejs/node_modules/tslib/...`). Node's module cache no longer lists bundled files, so
 * the start-up bench reads this to check which SDK files main loads (bench/support/sdk-modules-probe.mjs).
 */
function bundledModulesManifest(): Plugin {
  return {
    name: 'ingest-desk:bundled-modules-manifest',
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[fileName] = output.moduleIds
          .map((id) => id.replaceAll('\\', '/'))
          .filter((id) => id.includes('/node_modules/'))
          .map((id) => id.slice(id.indexOf('/node_modules/') + '/node_modules/'.length))
          .sort();
      }
      this.emitFile({ type: 'asset', fileName: 'bundled-modules.json', source: `${JSON.stringify(chunks, null, 2)}\n` });
    },
  };
}
