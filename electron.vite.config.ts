import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { bundledAliases, bundledDependencies, mainBundlePlugins } from './electron.vite.main-bundle';

export default defineConfig({
  main: {
    // The pure-JS dependencies are bundled (start-up: one file instead of about 220); keytar is native and stays external.
    plugins: mainBundlePlugins(),
    resolve: { alias: bundledAliases },
    build: {
      externalizeDeps: { exclude: bundledDependencies },
      rollupOptions: {
        input: {
          // The Electron entry, and the plain-Node entries that reuse the same services.
          index: resolve('src/main/index.ts'),
          serve: resolve('src/main/host/serve.ts'),
          sandbox: resolve('src/main/sandbox/sandbox-cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; minified, the initial JS is half the bytes to parse.
      minify: true,
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
