import * as assert from 'assert';
import type { ApiTask } from '../../../src/hubspot/types';
import type { AssociationItem, TaskFields } from '../../../src/webviews/protocol';
import {
  associationItem, changedFields, diffAssociations, fieldOfProperty, parseTime, propertiesToSave, taskToFields, toOptions,
} from '../../../src/webviews/taskFields';

const ana: AssociationItem = { objectType: 'contacts', id: '1', label: 'Ana' };
const acme: AssociationItem = { objectType: 'companies', id: '1', label: 'Acme' };
const deal: AssociationItem = { objectType: 'deals', id: '9', label: 'Big deal' };

const fields = (overrides: Partial<TaskFields> = {}): TaskFields => ({
  subject: 'Call', notes: 'Hello', dueAt: Date.UTC(2026, 11, 1, 9), reminderAt: null, status: 'NOT_STARTED',
  priority: 'HIGH', type: 'CALL', ownerId: '7', associations: [ana, acme], ...overrides,
});

describe('task editor field mapping', () => {
  it('reads a HubSpot task into form fields (notes as allowlisted HTML, times as ms)', () => {
    const task: ApiTask = {
      id: '5', createdAt: '', updatedAt: '2026-11-01T00:00:00Z',
      properties: {
        hs_task_subject: 'S', hs_task_body: '<p>a</p><p style="x">b <span>c</span></p>', hs_timestamp: '2026-12-01T09:00:00.000Z',
        hs_task_reminders: '1764579600000', hs_task_status: 'WAITING', hs_task_priority: null, hs_task_type: 'EMAIL',
        hubspot_owner_id: '3',
      },
    };
    assert.deepStrictEqual(taskToFields(task, [ana]), {
      subject: 'S', notes: '<p>a</p><p>b c</p>', dueAt: Date.UTC(2026, 11, 1, 9), reminderAt: 1764579600000, status: 'WAITING',
      priority: '', type: 'EMAIL', ownerId: '3', associations: [ana],
    });
  });

  it('parses Unix ms and ISO times, and nothing else', () => {
    assert.strictEqual(parseTime('1700000000000'), 1_700_000_000_000);
    assert.strictEqual(parseTime('2026-01-02T03:04:05Z'), Date.UTC(2026, 0, 2, 3, 4, 5));
    assert.strictEqual(parseTime('1700000000000;1800000000000'), 1_700_000_000_000);
    assert.strictEqual(parseTime('soon'), null);
    assert.strictEqual(parseTime(''), null);
  });

  it('sends only the changed properties of an existing task', () => {
    const base = fields();
    assert.deepStrictEqual(propertiesToSave(fields(), base), {});
    assert.deepStrictEqual(propertiesToSave(fields({ subject: 'New', notes: '<p>a &lt;b&gt;</p><p onclick="x()"><b>c</b><script>x()</script></p>', priority: '' }), base), {
      hs_task_subject: 'New', hs_task_body: '<p>a &lt;b&gt;</p><p><b>c</b></p>', hs_task_priority: '',
    });
    // The same note written another way is no edit; an edited one is merged into HubSpot's bytes.
    assert.deepStrictEqual(propertiesToSave(fields({ notes: '<p>x<br>y</p>' }), fields({ notes: '<P>x<br/>y</P>' }), '<P>x<br/>y</P>'), {});
    assert.deepStrictEqual(propertiesToSave(fields({ notes: '<p>x<br>z</p>' }), fields({ notes: '<P>x<br/>y</P>' }), '<P>x<br/>y</P>'), {
      hs_task_body: '<P>x<br/>z</P>',
    });
    assert.deepStrictEqual(propertiesToSave(fields({ dueAt: Date.UTC(2027, 0, 1), reminderAt: 5 }), base), {
      hs_timestamp: '2027-01-01T00:00:00.000Z', hs_task_reminders: '5',
    });
  });

  it('sends every set property of a new task, and no empty ones', () => {
    assert.deepStrictEqual(propertiesToSave(fields({ notes: '', priority: '', ownerId: '' })), {
      hs_task_subject: 'Call', hs_timestamp: '2026-12-01T09:00:00.000Z', hs_task_status: 'NOT_STARTED', hs_task_type: 'CALL',
    });
  });

  it('diffs associations by type and id (same id, different type, is a different record)', () => {
    const contact2: AssociationItem = { objectType: 'contacts', id: '2', label: 'Bo' };
    assert.deepStrictEqual(diffAssociations([ana, acme], [acme, contact2, deal, deal]), { add: [contact2, deal], remove: [ana] });
    assert.deepStrictEqual(diffAssociations([ana], [{ ...ana, label: 'renamed' }]), { add: [], remove: [] });
    assert.deepStrictEqual(changedFields(fields(), fields({ associations: [acme, ana] })), []);
    assert.deepStrictEqual(changedFields(fields(), fields({ associations: [ana], subject: 'x' })), ['subject', 'associations']);
  });

  it('maps HubSpot property names (from VALIDATION_ERRORs) to fields', () => {
    assert.strictEqual(fieldOfProperty('hs_timestamp'), 'dueAt');
    assert.strictEqual(fieldOfProperty('hubspot_owner_id'), 'ownerId');
    assert.strictEqual(fieldOfProperty('hs_unknown'), undefined);
    assert.strictEqual(fieldOfProperty(undefined), undefined);
  });

  it('labels records by name, falling back to email/domain or id', () => {
    const record = (properties: Record<string, string | null>) => ({ id: '4', createdAt: '', updatedAt: '', properties });
    assert.deepStrictEqual(associationItem('contacts', record({ firstname: 'Ana', lastname: 'Lee', email: 'a@x.io' })), { objectType: 'contacts', id: '4', label: 'Ana Lee', detail: 'a@x.io' });
    assert.deepStrictEqual(associationItem('contacts', record({ email: 'a@x.io' })), { objectType: 'contacts', id: '4', label: 'a@x.io' });
    assert.deepStrictEqual(associationItem('companies', record({ name: null, domain: null })), { objectType: 'companies', id: '4', label: '#4' });
  });

  it('uses property options when HubSpot has them (visible, ordered), else the documented list', () => {
    const fallback = [{ value: 'TODO', label: 'To-do' }];
    assert.deepStrictEqual(toOptions({ options: [
      { value: 'B', label: 'Bee', displayOrder: 2 }, { value: 'H', label: 'Hidden', hidden: true }, { value: 'A', label: '', displayOrder: 1 },
    ] }, fallback), [{ value: 'A', label: 'A' }, { value: 'B', label: 'Bee' }]);
    assert.deepStrictEqual(toOptions(undefined, fallback), fallback);
    assert.deepStrictEqual(toOptions({ options: [] }, fallback), fallback);
  });
});
