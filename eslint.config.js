// ESLint with typescript-eslint's recommended rules, plus the project's own boundaries that a
// dependency graph cannot see (which code may write files or read the environment).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const WRITES = /^(writeFile|writeFileSync|appendFile|appendFileSync|rename|renameSync|rm|rmSync|mkdir|mkdirSync|copyFile|copyFileSync|cp|cpSync|unlink|unlinkSync|rmdir|rmdirSync|symlink|symlinkSync|createWriteStream)$/;

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'node_modules/', 'test/.out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Browser code, and test code that runs inside the page through Playwright.
    files: ['src/client/**/*.ts', 'test/**/*.ts', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests reach into the page (reveal.js's global, markers set on elements) from code Playwright
    // serialises into it, where no type information exists.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    // Only the write stage writes: build output, exports, caches and the presenter session all go through src/write/.
    files: ['src/**/*.ts'],
    ignores: ['src/write/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: `CallExpression[callee.object.name=/^(fs|fsp|promises)$/][callee.property.name=${WRITES}]`,
        message: 'Only src/write/ writes files; use writeFileAtomic or writeOutput.',
      }],
    },
  },
  {
    // Pure stages and the options module read no environment: the CLI and the API pass values in.
    files: ['src/parse/**/*.ts', 'src/render/**/*.ts', 'src/options.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'process', property: 'env', message: 'Read the environment in the CLI or API layer and pass the value in.' },
        { object: 'process', property: 'cwd', message: 'Pass the project root in.' },
        { object: 'process', property: 'stderr', message: 'Take a log function.' },
        { object: 'process', property: 'stdout', message: 'Take a log function.' },
      ],
    },
  },
);
