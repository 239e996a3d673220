// Loads the built browser host (out/main/serve.js) as `node out/main/serve.js ...args` would, and once
// it prints its "serving" line, prints the tencentcloud-sdk-nodejs files it loaded, then stops it.
// Those are the SDK files in Node's module cache (any left external) plus the SDK files bundled into
// the chunks of out/main that Node loaded, as the build's bundled-modules.json lists them.
// Usage: node bench/support/sdk-modules-probe.mjs --data-dir D --keychain-service S
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const outMain = resolve('out/main');
const serve = resolve(outMain, 'serve.js');
// Written by the build (electron.vite.main-bundle.ts); a build without it fails here rather than passing with nothing.
const bundled = JSON.parse(readFileSync(resolve(outMain, 'bundled-modules.json'), 'utf8'));

// Node before 22.15 has no registerHooks: then every chunk counts as loaded (more files, never fewer).
const loadedChunks = new Set(nodeModule.registerHooks ? [] : Object.keys(bundled));
nodeModule.registerHooks?.({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) {
      const file = relative(outMain, fileURLToPath(url)).replaceAll('\\', '/');
      if (!file.startsWith('..')) loadedChunks.add(file);
    }
    return nextLoad(url, context);
  },
});

const sdkPath = (file) => file.slice(file.indexOf('tencentcloud-sdk-nodejs/'));

process.argv = [process.argv[0], serve, ...process.argv.slice(2)];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (String(chunk).startsWith('serving ')) {
    const cache = nodeModule.createRequire(import.meta.url).cache;
    const external = Object.keys(cache)
      .map((file) => file.replaceAll('\\', '/'))
      .filter((file) => file.includes('/tencentcloud-sdk-nodejs/'))
      .map(sdkPath);
    const inBundle = [...loadedChunks].flatMap((chunk) => bundled[chunk] ?? []).filter((file) => file.includes('tencentcloud-sdk-nodejs/'));
    const sdk = [...new Set([...external, ...inBundle.map(sdkPath)])].sort();
    write(`sdk-modules ${JSON.stringify(sdk)}\n`);
    setImmediate(() => process.kill(process.pid, 'SIGTERM'));
    return true;
  }
  return write(chunk, ...rest);
};
await import(pathToFileURL(serve).href);
