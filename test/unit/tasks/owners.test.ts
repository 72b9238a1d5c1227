import * as assert from 'assert';
import { ownerDisplayName } from '../../../src/tasks/owners';
import { ownerOption } from '../../../src/webviews/taskFields';

describe('ownerDisplayName', () => {
  it('is "First Last", either alone, else the email', () => {
    assert.strictEqual(ownerDisplayName({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }), 'Ada Lovelace');
    assert.strictEqual(ownerDisplayName({ firstName: '', lastName: 'Lovelace', email: 'ada@example.com' }), 'Lovelace');
    assert.strictEqual(ownerDisplayName({ firstName: ' Ada ', lastName: ' ', email: 'ada@example.com' }), 'Ada');
    assert.strictEqual(ownerDisplayName({ firstName: '', lastName: '', email: 'ada@example.com' }), 'ada@example.com');
  });

  it('is what the task editor\'s owner picker shows, with the id when there is nothing else', () => {
    assert.strictEqual(ownerOption({ id: '7', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }).label, 'Ada Lovelace');
    assert.strictEqual(ownerOption({ id: '7', firstName: '', lastName: '', email: '' }).label, '#7');
  });
});
