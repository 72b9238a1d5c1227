// VS Code in another display language for one run (the pseudo-locale in-host pass, German pictures).
//
// code-server picks the language from `--locale`, else argv.json's "locale" (in <user data>/User/), else a
// cookie, else the browser's Accept-Language; but it switches only when a language pack for that locale is
// installed: without one the page keeps English and `vscode.env.language` stays 'en', so no extension loads
// its translations. Packs come from the Marketplace, which this machine cannot reach. A run therefore
// installs a stub pack: an extension that contributes the locale with a translations file holding not a
// single VS Code string, and the list VS Code keeps of installed packs (languagepacks.json, which VS Code
// rebuilds from the installed extensions, to the same content). Call it after installing extensions from a
// .vsix (installExtension), so the stub joins their list. The workbench stays English; VS Code
// reports the locale to the extension host, and extensions load their own `l10n/bundle.l10n.<locale>.json`
// and `package.nls.<locale>.json` exactly as under a real language pack.
import * as fs from 'fs';
import * as path from 'path';
import type { RunDirs } from './runDirs';

const PUBLISHER = 'hubspot-tasks-test';

export function useDisplayLanguage(dirs: RunDirs, locale: string): void {
  const name = `stub-language-pack-${locale}`;
  const version = '0.0.1';
  const pack = path.join(dirs.extensions, `${PUBLISHER}.${name}-${version}`);
  fs.mkdirSync(path.join(pack, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(pack, 'package.json'), JSON.stringify({
    name, publisher: PUBLISHER, version, engines: { vscode: '*' },
    displayName: `Stub language pack (${locale}) for tests`,
    categories: ['Language Packs'],
    contributes: { localizations: [{ languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
  }, null, 2));
  registerInstalled(dirs, `${PUBLISHER}.${name}`, version, pack);
  const translations = path.join(pack, 'translations', 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  fs.writeFileSync(path.join(dirs.userData, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `stub-${locale}`,
      extensions: [{ extensionIdentifier: { id: `${PUBLISHER}.${name}` }, version }],
      translations: { vscode: translations },
      label: locale,
    },
  }));
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'argv.json'), JSON.stringify({ locale }));
}

/**
 * Once an extension is installed through the CLI (the browser suite installs the .vsix), VS Code lists the
 * installed extensions in extensions.json and scans no other folder: the stub is added to that list. Without
 * the file (the in-host suite) VS Code finds the folder by itself.
 */
function registerInstalled(dirs: RunDirs, id: string, version: string, folder: string): void {
  const list = path.join(dirs.extensions, 'extensions.json');
  if (!fs.existsSync(list)) {
    return;
  }
  const installed = (JSON.parse(fs.readFileSync(list, 'utf8')) as Array<{ identifier: { id: string } }>).filter((e) => e.identifier.id !== id);
  installed.push({
    identifier: { id }, version,
    location: { $mid: 1, fsPath: folder, external: `file://${folder}`, path: folder, scheme: 'file' },
    relativeLocation: path.basename(folder),
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  } as { identifier: { id: string } });
  fs.writeFileSync(list, JSON.stringify(installed));
}
