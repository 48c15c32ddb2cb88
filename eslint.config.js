// ESLint flat config: TypeScript and Vue type-checked rules, Playwright rules on e2e/, and the import boundaries
// of docs/architecture.md as lint rules (each folder runs in one runtime and may import only what that runtime has).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import playwright from 'eslint-plugin-playwright'
import globals from 'globals'

const NODE_BUILTINS =
  '^(node:.*|fs|fs/promises|path|os|child_process|crypto|http|https|net|url|util|stream|events|worker_threads)$'

/**
 * One import style: an import that leaves its room (the first folder under src-core/ or src-renderer/, or the
 * src-* folder itself) goes through `@core/…` or `@renderer/…`; `./` and `../` stay inside the room. Written as
 * no-restricted-syntax so that it adds to the boundary rules (no-restricted-imports) instead of replacing them.
 */
function importStyle(source, message) {
  const nodes = [
    'ImportDeclaration',
    'ExportNamedDeclaration',
    'ExportAllDeclaration',
    'ImportExpression',
  ]
  return {
    'no-restricted-syntax': [
      'error',
      ...nodes.map((node) => ({ selector: `${node}[source.value=${source}]`, message })),
    ],
  }
}

const LEAVES_ROOM = 'An import that leaves its room uses @core/… or @renderer/…, not ../.'
const leaving = (ups) => importStyle(`/^(\\.\\.\\/){${ups}}/`, LEAVES_ROOM)

/** One no-restricted-imports rule from a list of [regex, message] pairs. */
function forbid(...rules) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: rules.map(([regex, message]) => ({ regex, message })) },
    ],
  }
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.tmp-*',
      'node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
        parser: tseslint.parser,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'off',
      // Data must never become markup: customer text is rendered with {{ }} only.
      'vue/no-v-html': 'error',
      // Prettier owns formatting.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: ['src-core/**/*.ts'],
    ignores: ['src-core/**/*.test.ts', 'src-core/**/test-support/**'],
    rules: forbid(
      [
        '^(?!\\.{1,2}/|@core/)',
        'src-core is pure: it imports only src-core (no packages, no node:*).',
      ],
      ['src-(main|renderer|server)|^@renderer/', 'src-core imports only src-core.'],
    ),
  },
  {
    files: ['src-core/**/*.test.ts', 'src-core/**/test-support/**/*.ts'],
    rules: forbid(
      [
        '^(?!\\.{1,2}/|@core/|vitest$|fast-check$|node:(fs|path|url|crypto)$)',
        'src-core tests use vitest, fast-check and node files only.',
      ],
      ['src-(main|renderer|server)|^@renderer/', 'src-core imports only src-core.'],
    ),
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    ignores: ['src-renderer/data/**', 'src-renderer/sync/**'],
    rules: forbid(
      ['^electron$', 'The renderer never imports electron: use platform/.'],
      [NODE_BUILTINS, 'The renderer never imports Node modules.'],
      ['src-(main|server)', 'The renderer never imports main or server code.'],
      ['^(rxdb|dexie)(/.*)?$', 'Only src-renderer/data/ and sync/ touch RxDB.'],
    ),
  },
  {
    files: ['src-renderer/data/**/*.ts', 'src-renderer/sync/**/*.ts'],
    rules: forbid(
      ['^electron$', 'The renderer never imports electron.'],
      [NODE_BUILTINS, 'The renderer never imports Node modules.'],
      ['src-(main|server)', 'The renderer never imports main or server code.'],
    ),
  },
  {
    // sync/ builds on data/; what data/ needs of sync (the conflict handler, the guarded storage) is handed in.
    files: ['src-renderer/data/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**', 'src-renderer/data/fixtures/**'],
    rules: forbid(
      ['^electron$', 'The renderer never imports electron.'],
      [NODE_BUILTINS, 'The renderer never imports Node modules.'],
      ['src-(main|server)', 'The renderer never imports main or server code.'],
      [
        '(^@renderer|\\.\\.)/sync(/|$)',
        'data/ never imports sync/: whoever opens the database hands it in.',
      ],
    ),
  },
  {
    files: ['src-renderer/components/**/*.{ts,vue}', 'src-renderer/pages/**/*.{ts,vue}'],
    rules: forbid(
      ['^electron$', 'The renderer never imports electron.'],
      [NODE_BUILTINS, 'The renderer never imports Node modules.'],
      ['src-(main|server)', 'The renderer never imports main or server code.'],
      ['^(rxdb|dexie)(/.*)?$', 'Only src-renderer/data/ touches RxDB.'],
      ['/platform(/|$)', 'Only stores call the desktop bridge.'],
      ['/data(/|$)', 'Components talk to stores, not to the data layer.'],
    ),
  },
  {
    files: ['src-main/**/*.ts'],
    rules: forbid(
      ['^(vue|pinia|vue-router|primevue)(/.*)?$', 'Main never imports Vue.'],
      ['^(rxdb|dexie)(/.*)?$', 'Main never imports RxDB.'],
      ['src-(renderer|server)|^@renderer/', 'Main never imports renderer or server code.'],
    ),
  },
  {
    files: ['src-server/**/*.ts'],
    rules: forbid(
      ['^electron$', 'The server never imports electron.'],
      ['^(vue|pinia|vue-router|primevue)(/.*)?$', 'The server never imports Vue.'],
      ['src-(renderer|main)|^@renderer/', 'The server never imports desktop code.'],
    ),
  },
  {
    files: ['src-{core,renderer}/*.{ts,vue}', 'src-{core,renderer}/*/*.{ts,vue}'],
    rules: leaving(1),
  },
  { files: ['src-{core,renderer}/*/*/*.{ts,vue}'], rules: leaving(2) },
  { files: ['src-{core,renderer}/*/*/*/*.{ts,vue}'], rules: leaving(3) },
  {
    files: ['src-{main,server}/**/*.ts'],
    rules: importStyle('/^(\\.\\.\\/)+src-(core|renderer)\\//', LEAVES_ROOM),
  },
  {
    // Tests that cross runtimes: the renderer's sync client (on fake IndexedDB) against the real server and
    // PostgreSQL, in Node. They may import every side but the desktop's main process and the Vue app.
    files: ['test-integration/**/*.ts'],
    rules: forbid(
      ['^electron$', 'Integration tests run in Node, without Electron.'],
      [
        '^(vue|pinia|vue-router|primevue)(/.*)?$',
        'Integration tests drive the data layer, not Vue.',
      ],
      ['src-main', 'Integration tests cross the sync wire; the desktop process is e2e/desktop.'],
      [
        'src-renderer/(?!data/|sync/)',
        'Integration tests use the renderer’s data and sync layers only.',
      ],
    ),
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: globals.browser },
  },
)
