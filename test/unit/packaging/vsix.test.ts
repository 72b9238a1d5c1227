// Issue 19.6: the .vsix users install holds what they need and nothing else, and stays small. The unit suite
// runs after scripts/test-all.js's "package .vsix" step, so in CI this reads the package just built
// (dist/hubspot-tasks.vsix, a zip: its central directory is read here, no dependency).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const ROOT = path.resolve(__dirname, '../../../..');
const VSIX = path.join(ROOT, 'dist', 'hubspot-tasks.vsix');
const MAX_BYTES = 400 * 1024;

/** Every path the package may hold (vsce's own files, then ours under extension/). */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/package\.nls(\.de)?\.json$/,
  /^extension\/l10n\/bundle\.l10n(\.de)?\.json$/,
  /^extension\/dist\/[A-Za-z]+\.js$/,
  /^extension\/dist\/webview\/taskEditor\.js$/,
  /^extension\/media\/(icon\.png|hubspot-activity\.svg|taskEditor\.css)$/,
  /^extension\/media\/walkthrough\/[a-z-]+\.(svg|png|md)$/,
];

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  /** 0 stored, 8 deflated. */
  method: number;
  headerOffset: number;
}

/** The entries of a zip file from its central directory (end-of-central-directory record at the end). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  // The record is 22 bytes plus a comment of at most 65535.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END) {
      end = at;
      break;
    }
  }
  assert.ok(end >= 0, 'a zip file (end of central directory found)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.strictEqual(zip.readUInt32LE(at), ENTRY, `central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      method: zip.readUInt16LE(at + 10),
      headerOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes (after its local header: 30 bytes, the name and an extra field). */
export function readEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const start = entry.headerOffset + 30 + zip.readUInt16LE(entry.headerOffset + 26) + zip.readUInt16LE(entry.headerOffset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 8 ? zlib.inflateRawSync(data) : data;
}

describe('packaging: the .vsix', () => {
  let entries: ZipEntry[];
  let bytes: number;
  let zip: Buffer;

  before(function () {
    if (!fs.existsSync(VSIX)) {
      this.skip(); // `npm run test:unit` alone does not package; `npm test` (CI) packages before this suite.
    }
    zip = fs.readFileSync(VSIX);
    bytes = zip.length;
    entries = zipEntries(zip);
  });

  it(`is at most ${MAX_BYTES / 1024} KB`, () => {
    const largest = [...entries].sort((a, b) => b.compressedSize - a.compressedSize).slice(0, 5).map((e) => `${e.name} ${(e.compressedSize / 1024).toFixed(1)} KB`);
    assert.ok(bytes <= MAX_BYTES, `${(bytes / 1024).toFixed(1)} KB; largest: ${largest.join(', ')}`);
  });

  it('holds only allowlisted files: no source, test data, source maps, pseudo locale or tooling', () => {
    const unexpected = entries.map((e) => e.name).filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
    assert.deepStrictEqual(unexpected, []);
  });

  it('holds every bundle the build writes, the manifest with its translations, and the docs', () => {
    const names = new Set(entries.map((e) => e.name));
    const bundles = fs.readdirSync(path.join(ROOT, 'dist')).filter((file) => file.endsWith('.js')).map((file) => `extension/dist/${file}`);
    assert.ok(bundles.length >= 10, `${bundles.length} bundles in dist/`);
    const needed = [
      ...bundles, 'extension/dist/webview/taskEditor.js', 'extension/package.json', 'extension/package.nls.json',
      'extension/package.nls.de.json', 'extension/l10n/bundle.l10n.json', 'extension/l10n/bundle.l10n.de.json',
      'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/media/icon.png',
    ];
    assert.deepStrictEqual(needed.filter((name) => !names.has(name)), [], 'missing from the package');
  });

  it('ships the manifest it was built from (version, l10n folder, German texts)', () => {
    const file = (name: string) => {
      const entry = entries.find((e) => e.name === name);
      assert.ok(entry, name);
      return readEntry(zip, entry).toString('utf8');
    };
    const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const shipped = JSON.parse(file('extension/package.json')) as { version: string; l10n: string };
    assert.strictEqual(shipped.version, source.version);
    assert.strictEqual(shipped.l10n, './l10n');
    assert.match(file('extension.vsixmanifest'), new RegExp(`Version="${source.version.replace(/\./g, '\\.')}"`));
    assert.strictEqual((JSON.parse(file('extension/package.nls.de.json')) as Record<string, string>)['view.tasks.name'], 'Aufgaben');
  });
});
