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
  return [jsonAsParse(), nodeStandIns(), httpWithoutUndici(), bundledModulesManifest()];
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
 * Modules of dependencies that, in Node, only hand over something Node has; bundled as they are, each
 * costs start-up for nothing:
 * - `whatwg-url` (from node-fetch 2, the SDK's HTTP client): node-fetch takes Node's own URL and falls
 *   back to whatwg-url's only where Node has none (`Url.URL || whatwgUrl.URL`). Bundled, it brings
 *   tr46's 280 kB table, and its `require('punycode')` makes Node print a deprecation warning (DEP0040)
 *   on every start, since the caller is no longer inside node_modules.
 * - `global/window` (from m3u8-parser's helpers) is `globalThis` in Node (no `window`, a `global`).
 *   Bundled, the CommonJS-to-ESM wrapper copies every property of globalThis, which wakes each of
 *   Node's lazy globals: undici (fetch, WebSocket...), WebCrypto and more, some 60 ms of CPU.
 */
const standIns: Record<string, { importedBy: string; code: string }> = {
  'whatwg-url': { importedBy: '/node_modules/node-fetch/', code: 'export default { URL: globalThis.URL };' },
  'global/window': { importedBy: '/node_modules/@videojs/vhs-utils/', code: 'export default globalThis;' },
};

function nodeStandIns(): Plugin {
  const prefix = '\0ingest-desk:stand-in:';
  return {
    name: 'ingest-desk:node-stand-ins',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^(whatwg-url|global\/window)$/ },
      handler(source, importer) {
        const standIn = standIns[source];
        return standIn && importer?.replaceAll('\\', '/').includes(standIn.importedBy) ? prefix + source : null;
      },
    },
    load: {
      filter: { id: /^\0ingest-desk:stand-in:/ },
      handler: (id) => ({ code: standIns[id.slice(prefix.length)]?.code ?? '', moduleType: 'js' }),
    },
  };
}

/**
 * An ES module's `import ... from 'node:http'` makes Node build http's ESM facade, which reads every
 * export, among them the lazy WebSocket, CloseEvent and MessageEvent getters: that loads undici (Node's
 * fetch) at every start, some 40 ms of CPU for something main never uses. CommonJS `require` reads
 * none of them, so main's chunks take http the way CommonJS does, through `process.getBuiltinModule`.
 * Builtins are external before any plugin resolves them, hence a rewrite of the chunks' import lines;
 * an import of another shape fails the build.
 */
function httpWithoutUndici(): Plugin {
  const httpImport = /^import (.+) from "(?:node:)?http";$/gm;
  const binding = (clause: string): string => {
    if (/^[\w$]+$/.test(clause)) return clause;
    const named = /^\{ ([\w$]+(?: as [\w$]+)?(?:, [\w$]+(?: as [\w$]+)?)*) \}$/.exec(clause);
    if (named?.[1]) return `{ ${named[1].replaceAll(' as ', ': ')} }`;
    throw new Error(`main bundle: unexpected import of node:http: ${clause}`);
  };
  return {
    name: 'ingest-desk:http-without-undici',
    renderChunk(code) {
      if (!code.match(httpImport)) return null;
      return {
        code: code.replace(httpImport, (_line, clause: string) => `const ${binding(clause)} = process.getBuiltinModule("node:http");`),
        map: null,
      };
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
