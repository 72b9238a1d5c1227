import * as assert from 'assert';
import type { TaskFields } from '../../../src/webviews/protocol';
import { describeMessage, isFromWebview, isPersistedState, isToWebview, LABEL_MAX } from '../../../src/webviews/protocol';
import { associationItem, ownerOption } from '../../../src/webviews/taskFields';

const fields = (overrides: Partial<TaskFields> = {}): TaskFields => ({
  subject: 'Call', notes: '', dueAt: 1_800_000_000_000, reminderAt: null, status: 'NOT_STARTED', priority: '',
  type: 'TODO', ownerId: '7', associations: [{ objectType: 'contacts', id: '12', label: 'Ana' }], ...overrides,
});

describe('task editor protocol validators', () => {
  it('accepts every well-formed webview message', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'dirty', dirty: true },
      { type: 'save', draft: fields() },
      { type: 'search', requestId: 3, objectType: 'companies', query: 'acme' },
      { type: 'resolveConflict', choice: 'reload' },
      { type: 'resolveConflict', choice: 'overwrite', draft: fields() },
    ]) {
      assert.ok(isFromWebview(message), JSON.stringify(message));
    }
  });

  it('rejects unknown types, missing or mistyped fields', () => {
    for (const message of [
      null, 'ready', [], {}, { type: 'nope' }, { type: 'toString' }, { type: '__proto__' },
      { type: 'dirty' }, { type: 'dirty', dirty: 'yes' },
      { type: 'save' }, { type: 'save', draft: { ...fields(), subject: 5 } },
      { type: 'save', draft: fields({ dueAt: Number.NaN }) },
      { type: 'save', draft: fields({ dueAt: Infinity }) },
      { type: 'save', draft: fields({ ownerId: '../../admin' }) },
      { type: 'save', draft: { ...fields(), associations: [{ objectType: 'tickets', id: '1', label: 'x' }] } },
      { type: 'save', draft: fields({ associations: [{ objectType: 'contacts', id: '1/../2', label: 'x' }] }) },
      { type: 'save', draft: { ...fields(), associations: undefined } },
      { type: 'search', requestId: 1.5, objectType: 'contacts', query: 'a' },
      { type: 'search', requestId: 1, objectType: 'contacts', query: 'a'.repeat(501) },
      { type: 'resolveConflict', choice: 'overwrite' },
      { type: 'resolveConflict', choice: 'merge', draft: fields() },
    ]) {
      assert.strictEqual(isFromWebview(message), false, JSON.stringify(message));
    }
  });

  it('does not accept the extension\'s own messages from the webview, nor the reverse', () => {
    assert.strictEqual(isFromWebview({ type: 'saving' }), false);
    assert.strictEqual(isToWebview({ type: 'ready' }), false);
  });

  it('validates messages to the webview', () => {
    const base = { taskId: '42', updatedAt: '2026-01-01T00:00:00Z', fields: fields() };
    assert.ok(isToWebview({ type: 'init', base, options: { status: [], priority: [], type: [{ value: 'TODO', label: 'To-do' }] }, owners: [{ id: '1', label: 'A', email: 'a@x' }], strings: {} }));
    assert.ok(isToWebview({ type: 'conflict', latest: base, changed: ['subject', 'associations'] }));
    assert.ok(isToWebview({ type: 'saveFailed', errors: [{ field: 'dueAt', message: 'bad' }, { message: 'form' }] }));
    assert.strictEqual(isToWebview({ type: 'conflict', latest: base, changed: ['hs_task_subject'] }), false);
    assert.strictEqual(isToWebview({ type: 'init', base, options: {}, owners: [], strings: {} }), false);
  });

  it('keeps the form usable when HubSpot sends 100 KB names and subjects: labels are clipped, not the form rejected', () => {
    const huge = '<img src=x onerror=alert(1)>'.repeat(4000);
    const owner = ownerOption({ id: '9', email: huge, firstName: huge, lastName: '' });
    const contact = associationItem('contacts', { id: '12', properties: { firstname: huge, email: huge }, createdAt: '', updatedAt: '' });
    assert.ok(owner.label.length <= LABEL_MAX && owner.label.startsWith('<img src=x'));
    assert.ok(contact.label.length <= LABEL_MAX && (contact.detail ?? '').length <= LABEL_MAX);
    const base = { taskId: '42', fields: fields({ subject: huge, notes: huge, associations: [contact] }) };
    assert.ok(isToWebview({ type: 'init', base, options: { status: [], priority: [], type: [] }, owners: [owner], strings: {} }));
  });

  it('validates the persisted state restored after a reload', () => {
    assert.ok(isPersistedState({ base: { fields: fields() }, draft: fields({ subject: 'edited' }) }));
    assert.strictEqual(isPersistedState({ base: { taskId: 'abc', fields: fields() }, draft: fields() }), false);
    assert.strictEqual(isPersistedState(undefined), false);
  });

  it('describes rejected messages without echoing their content', () => {
    assert.strictEqual(describeMessage({ type: 'save', draft: { subject: 'secret' } }), 'type="save"');
    assert.strictEqual(describeMessage('x'), 'string');
    assert.strictEqual(describeMessage([1]), 'array');
  });
});
