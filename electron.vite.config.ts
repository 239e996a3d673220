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
      // Read from disk by Node, never downloaded: the bundled SDK chunk (about 740 kB) is the start-up
      // choice above, so the 500 kB web-download warning does not apply to it.
      chunkSizeWarningLimit: 1500,
      externalizeDeps: { exclude: bundledDependencies },
      rollupOptions: {
        input: {
          // The Electron entry, and the plain-Node entries that reuse the same services.
          index: resolve('src/main/index.ts'),
          serve: resolve('src/main/host/serve.ts'),
          sandbox: resolve('src/main/sandbox/sandbox-cli.ts'),
        },
        output: {
          // Start-up: without comments and with non-ASCII escaped (the SDK and tls-sig-api-v2 carry
          // Chinese comments), Node decodes and V8 scans the bundle as one-byte text: loading it took
          // 20% less time (bench/startup). Names and lines are kept, so stack traces stay readable.
          comments: false,
          minify: { compress: false, mangle: false, codegen: { removeWhitespace: false, asciiOnly: true } },
          // Its own chunk, imported first by each entry: it runs before any dependency is loaded (see the file).
          codeSplitting: { groups: [{ name: 'young-generation', test: /young-generation/ }] },
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
    plugins: [
      react(),
      {
        // The entry only sends the first screen's calls, then imports the app's chunk; linking that
        // chunk (and what it imports) from index.html lets it download with the entry, not after it.
        name: 'ingest-desk:preload-app-chunk',
        apply: 'build',
        transformIndexHtml: {
          order: 'post',
          handler(html, { bundle }) {
            const chunks = Object.values(bundle ?? {}).filter((output) => output.type === 'chunk');
            const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/app/render-app.tsx'));
            if (!app) throw new Error('render-app.tsx is no longer its own chunk: update the preload plugin');
            const files = new Set<string>();
            const visit = (fileName: string) => {
              if (files.has(fileName)) return;
              files.add(fileName);
              for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? []) visit(imported);
            };
            visit(app.fileName);
            return [...files]
              .filter((file) => !html.includes(file))
              .map((file) => ({
                tag: 'link',
                attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
                injectTo: 'head' as const,
              }));
          },
        },
      },
    ],
    build: {
      // electron-vite leaves the renderer unminified by default; minified, the initial JS is half the bytes to parse.
      minify: true,
      // hls.js (about 580 kB) is its own chunk, loaded only when a preview plays an HLS stream; every
      // chunk the first screen loads stays far below this.
      chunkSizeWarningLimit: 600,
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
