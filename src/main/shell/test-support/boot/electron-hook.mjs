// `node --import ./electron-hook.mjs …`: resolves the bare specifier 'electron' to the recording
// double, so the built out/main/index.js runs unchanged in plain Node. Nothing else is redirected.
import { registerHooks } from 'node:module';

const double = new URL('../electron-double.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: double, format: 'module-typescript', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
