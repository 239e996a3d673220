// Loads the built browser host (out/main/serve.js) as `node out/main/serve.js ...args` would, and once
// it prints its "serving" line, prints the tencentcloud-sdk-nodejs files Node loaded, then stops it.
// Usage: node bench/support/sdk-modules-probe.mjs --data-dir D --keychain-service S
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const serve = resolve('out/main/serve.js');
process.argv = [process.argv[0], serve, ...process.argv.slice(2)];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (String(chunk).startsWith('serving ')) {
    const cache = createRequire(import.meta.url).cache;
    const sdk = Object.keys(cache)
      .filter((file) => file.includes('/tencentcloud-sdk-nodejs/'))
      .map((file) => file.slice(file.indexOf('/tencentcloud-sdk-nodejs/') + 1));
    write(`sdk-modules ${JSON.stringify(sdk)}\n`);
    setImmediate(() => process.kill(process.pid, 'SIGTERM'));
    return true;
  }
  return write(chunk, ...rest);
};
await import(pathToFileURL(serve).href);
