import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { readFileSync } from 'node:fs'
import { CONTENT_SECURITY_POLICY } from './src-main/security/policy'
import { pathAliases } from './scripts/path-aliases'

const root = import.meta.dirname
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }

/** The built page carries the CSP itself, so the web build and a page saved to disk are as strict as app://. */
function cspMeta(): Plugin {
  return {
    name: 'fieldbill-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  }
}

export default defineConfig({
  main: {
    resolve: { alias: pathAliases(root) },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(root, 'src-main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: pathAliases(root) },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: it must be one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    resolve: { alias: pathAliases(root) },
    plugins: [vue(), cspMeta()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      // FIELDBILL_RENDERER_OUT lets several builds (parallel work, benchmarks) keep their own folder.
      outDir: resolve(root, process.env.FIELDBILL_RENDERER_OUT ?? 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
})
