// Tokens are keyed by the API origin they were signed in at (src/auth/credentialKeys.ts): the origin is the
// one WHATWG URL parsing gives, the same parse the client sends with, so tricks in a base URL cannot make
// one host's key match another host's requests.
import * as assert from 'assert';
import { apiOrigin, LEGACY_TOKEN_SECRET_KEY, tokenSecretKey } from '../../../src/auth/credentialKeys';

describe('Token keys per API origin', () => {
  it('the origin is scheme, host and port; paths and credentials in the URL do not change it', () => {
    assert.strictEqual(apiOrigin('https://api.hubapi.com'), 'https://api.hubapi.com');
    assert.strictEqual(apiOrigin('https://api.hubapi.com/some/path/'), 'https://api.hubapi.com');
    assert.strictEqual(apiOrigin('http://127.0.0.1:4010'), 'http://127.0.0.1:4010');
    assert.strictEqual(apiOrigin('https://api.hubapi.com@evil.example'), 'https://evil.example', 'userinfo: the host is the one after @');
    assert.strictEqual(apiOrigin('https://api.hubapi.com\\@evil.example'), 'https://api.hubapi.com', 'a backslash is a slash: evil.example is a path');
    assert.strictEqual(apiOrigin('HTTPS://API.HUBAPI.COM:443'), 'https://api.hubapi.com', 'default port and case normalised');
  });

  it('no origin for what is not an http(s) URL', () => {
    for (const bad of ['not a url', '', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://api.hubapi.com']) {
      assert.strictEqual(apiOrigin(bad), undefined, bad);
    }
  });

  it('each origin has its own secret key, none of them the legacy un-keyed one', () => {
    const keys = ['https://api.hubapi.com', 'http://api.hubapi.com', 'https://api.hubapi.com:8443', 'https://evil.example'].map((origin) => tokenSecretKey(origin));
    assert.strictEqual(new Set(keys).size, keys.length);
    assert.ok(!keys.includes(LEGACY_TOKEN_SECRET_KEY));
  });
});
