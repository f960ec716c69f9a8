// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering rule of DESIGN.md: protocol ← schedules ← content ← {controller, player}.
 * Each package lists the packages of ours it must never import.
 */
const forbidden = {
  protocol: ['schedules', 'content', 'controller', 'player'],
  schedules: ['content', 'controller', 'player'],
  content: ['controller', 'player'],
  controller: ['player'],
  player: ['controller'],
};

const layering = Object.entries(forbidden).map(([pkg, banned]) => ({
  files: [`${pkg}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.flatMap((b) => [
          { group: [`@baruga/${b}`, `@baruga/${b}/*`], message: `${pkg} must not import ${b} (DESIGN.md: layering)` },
          { group: [`**/${b}/src/**`, `**/${b}/src`], message: `${pkg} must not reach into ${b} by path` },
        ]),
      },
    ],
  },
}));

/** The operator console is a browser app of its own: it talks to the controller over HTTP, never by import. */
const consoleRoom = [
  {
    files: ['controller/console/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@baruga/controller', '@baruga/player', '@baruga/player/*'],
              message: 'the console talks to the controller over HTTP',
            },
            {
              group: ['**/controller/src/**', '**/player/src/**'],
              message: 'the console must not reach into Node code by path',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['controller/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@baruga/console', '**/console/src/**'],
              message: 'the controller serves the console as files, never imports it',
            },
            {
              group: ['@baruga/player', '@baruga/player/*', '**/player/src/**'],
              message: 'controller must not import player (DESIGN.md: layering)',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-electron/**',
      '.tsbuild/**',
      'data/**',
      'test-results/**',
      'bench/results/**',
      'release/**',
      // Scratch folders engineers keep locally (.gitignore'd).
      '**/.tmp-*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Use named exports (STYLE.md), not export *.' },
      ],
    },
  },
  ...layering,
  ...consoleRoom,
  {
    // Command-line entry points and scripts talk to a person on the terminal.
    files: ['scripts/**', 'bench/**', 'player/bin/**'],
    rules: { 'no-console': 'off' },
  },
);
