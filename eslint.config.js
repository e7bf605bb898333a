// Lint rules, including the one-way direction of imports between layers (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((name) => ({
          group: [`**/${name}/*`, `**/${name}`],
          message: `This layer may not import from src/${name}: imports point one way (domain ← storage ← sync ← ui).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'data', 'node_modules', '.tmp', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        process: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  layer(['src/domain/**'], ['storage', 'sync', 'ui', 'pwa', 'server']),
  layer(['src/storage/**'], ['sync', 'ui', 'pwa', 'server']),
  layer(['src/sync/**'], ['ui', 'pwa', 'server']),
  layer(['src/pwa/**'], ['ui', 'server']),
  layer(['src/ui/**'], ['server']),
  layer(['src/server/**'], ['storage', 'sync', 'ui', 'pwa']),
);
