// Every bundle the build writes must ship in the .vsix: a lazily loaded feature whose bundle is left out
// works in every test that loads dist/ directly and fails only for users (`require('./x.js')` not found).
// .vscodeignore excludes everything (`**`) and lists what ships, one `!dist/<file>` line per bundle.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../../..');

describe('packaging', () => {
  it('ships every Node bundle in dist/ with its source map (.vscodeignore)', function () {
    const dist = path.join(ROOT, 'dist');
    if (!fs.existsSync(path.join(dist, 'extension.js'))) {
      this.skip(); // `npm run test:unit` alone does not build; `npm test` builds before this suite.
    }
    const shipped = new Set(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim()));
    assert.ok(shipped.has('**'), '.vscodeignore starts from "nothing ships"');
    const bundles = fs.readdirSync(dist).filter((file) => file.endsWith('.js'));
    assert.ok(bundles.length >= 2, `bundles found: ${bundles.join(', ')}`);
    const missing = bundles.flatMap((file) => [`!dist/${file}`, `!dist/${file}.map`]).filter((line) => !shipped.has(line));
    assert.deepStrictEqual(missing, [], 'each bundle and its map is listed in .vscodeignore');
  });
});
