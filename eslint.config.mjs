// Lint: type-aware rules where they catch real bugs (floating promises), and the layering rules: the pure
// layers never import the editor, and no feature imports the composition root.
import tseslint from 'typescript-eslint';

// Features receive a FeatureHost (src/featureHost.ts); only extension.ts builds the Container.
const noContainer = {
  group: ['**/container', './container'],
  message: 'Features receive a FeatureHost (src/featureHost.ts); only extension.ts imports the Container.',
};
const noVscodePath = { name: 'vscode', message: 'Pure layers (API client, domain, services, TODO core, webview protocol) must not depend on the editor.' };

// Pure layers: whole folders, plus the pure files of folders that also hold editor-facing code.
const PURE = [
  'src/hubspot/**/*.ts', 'src/tasks/**/*.ts', 'src/todo/core/**/*.ts', 'src/services/**/*.ts', 'src/util/**/*.ts',
  'src/constants.ts', 'src/tuning.ts', 'src/settingLimits.ts', 'src/auth/credentialKeys.ts', 'src/ui/inertText.ts',
  'src/webviews/protocol.ts', 'src/webviews/taskFields.ts', 'src/webviews/localTime.ts', 'src/webviews/notesFormat.ts',
  'src/webviews/taskEditor/taskEditorService.ts',
  'src/webviews/app/**/*.ts',
  'sandbox/**/*.ts',
];

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
      // Braces on every body: a one-line `if` grows a second statement that silently runs unconditionally.
      curly: ['error', 'all'],
    },
  },
  // One rule entry per file set: a later config's no-restricted-imports replaces an earlier one's options.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/extension.ts', 'src/container.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noContainer] }] },
  },
  { files: PURE, rules: { 'no-restricted-imports': ['error', { paths: [noVscodePath], patterns: [noContainer] }] } },
  // Notifications and progress render `[x](command:…)` as a link that runs the command, quick picks and the
  // status bar render `$(icon)`: what reaches them goes through src/ui/notifier.ts, which makes it inert.
  {
    files: ['src/**/*.ts'],
    // livePick.ts: the live quick pick, sanitised with the notifier's own helpers, in the lazy bundle using it.
    ignores: ['src/ui/notifier.ts', 'src/ui/livePick.ts'],
    rules: {
      'no-restricted-properties': ['error', ...['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'withProgress', 'showQuickPick', 'createQuickPick', 'showInputBox', 'createInputBox', 'setStatusBarMessage']
        .map((property) => ({ property, message: 'Use the Notifier (src/ui/notifier.ts): it makes untrusted text inert before VS Code renders it.' }))],
    },
  },
);
