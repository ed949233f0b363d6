// Layers enforced by lint, not by memory. Which folder may import what:
//   src-preload/contract  → zod only (it is shared by all three processes)
//   src-preload/index.ts  → electron, #contract
//   src-main/core         → node, std packages, #contract; never electron, react, hosts or renderer
//   src-main/hosts/web    → core, ws, node; never electron
//   src-main/hosts/electron → core, electron; never the browser host
//   src-renderer          → react, @mantine/*, #contract; never node, electron, sqlite, sip.js or main
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const mainOnlyPackages = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'sip.js', 'ws', 'libphonenumber-js', 'libphonenumber-js/*', 'tsx', 'tsx/*'];

const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => (typeof name === 'string' ? { name } : name)), patterns }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'artifacts/**', 'test-results/**', 'src-main/core/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-default-export': 'error',
      'import-x/no-relative-packages': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // No ../ imports across folders: subpath imports (#core/…, #contract) name the layer being used.
    files: ['src-*/**/*.{ts,tsx}', 'tests/**/*.ts'],
    rules: restrict([], [{ group: ['../*'], message: 'Use a subpath import (#core/…, #hosts/…, #renderer/…, #contract) instead of ../' }]),
  },
  {
    files: ['src-preload/contract/**/*.ts'],
    rules: restrict([], [{ regex: '^(?!zod$|\\./)', message: 'The contract is shared by all three processes: it may import only zod.' }]),
  },
  {
    files: ['src-preload/index.ts'],
    rules: restrict(nodeBuiltins, [{ regex: '^(#core/|#hosts/|#renderer/|\\.\\./)', message: 'The preload sees only electron and the contract.' }]),
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: restrict(
      [{ name: 'electron', allowTypeImports: true, message: 'core runs in plain Node: Electron belongs in src-main/hosts/electron.' }, 'react'],
      [
        { regex: '^(#hosts/|#renderer/|@mantine/|react-)', message: 'core knows nothing of hosts or the renderer.' },
        { group: ['../*'], message: 'Use a subpath import (#core/…) instead of ../' },
      ],
    ),
  },
  {
    files: ['src-main/hosts/web/**/*.ts', 'src-main/hosts/common/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: restrict(
      [{ name: 'electron', message: 'The browser host and the command line run without Electron.' }],
      [{ regex: '^(#renderer/|#hosts/electron/)', message: 'Hosts compose the core; they do not reach into each other or the renderer.' }],
    ),
  },
  {
    files: ['src-main/hosts/electron/**/*.ts'],
    rules: restrict([], [{ regex: '^(#renderer/|#hosts/web/)', message: 'The Electron host does not use the browser host or the renderer.' }]),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'electron', ...mainOnlyPackages],
        [{ regex: '^(#core/|#hosts/|\\.\\./)', message: 'The renderer talks to main only through the contract (#contract).' }],
      ),
      // Every word an operator reads goes through i18n.
      'i18next/no-literal-string': ['error', { mode: 'jsx-only', 'jsx-attributes': { include: ['label', 'placeholder', 'title', 'aria-label', 'alt'] } }],
    },
  },
  {
    // Screens stand on the shared layers (api, ui, i18n, workplace state, routing); the shell only composes them.
    files: ['src-renderer/src/features/**/*.{ts,tsx}', 'src-renderer/src/{api,ui,i18n,workplace,routing}/**/*.{ts,tsx}'],
    rules: restrict(
      [...nodeBuiltins, 'electron', ...mainOnlyPackages],
      [
        { regex: '^(#core/|#hosts/|\\.\\./)', message: 'The renderer talks to main only through the contract (#contract).' },
        { regex: '^#renderer/app-shell/', message: 'Features and shared layers do not depend on the app shell: use #renderer/workplace, #renderer/routing, #renderer/ui or #renderer/api.' },
      ],
    ),
  },
  {
    files: ['*.config.ts', 'eslint.config.js', 'drizzle.config.ts', 'vitest.config.ts', 'electron.vite.config.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // expect.any(), expect.stringMatching() and friends are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
