// Lint: type-aware rules where they catch real bugs (floating promises), and the layering rule that
// keeps the API client, the domain and the TODO scanner core free of the editor.
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: 'The API client and domain layers must not depend on the editor.' }],
  }],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.vscode-test/**', 'test-results/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/hubspot/**/*.ts', 'src/tasks/**/*.ts', 'src/todo/core/**/*.ts', 'sandbox/**/*.ts'], rules: noVscode },
  // Notifications and progress render `[x](command:…)` as a link that runs the command, quick picks and the
  // status bar render `$(icon)`: what reaches them goes through src/ui/notifier.ts, which makes it inert.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ui/notifier.ts'],
    rules: {
      'no-restricted-properties': ['error', ...['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'withProgress', 'showQuickPick', 'createQuickPick', 'showInputBox', 'createInputBox', 'setStatusBarMessage']
        .map((property) => ({ property, message: 'Use the Notifier (src/ui/notifier.ts): it makes untrusted text inert before VS Code renders it.' }))],
    },
  },
);
