// Issue 13.11: `hubspotTasks.todo.defaultAssociations` set by a repository's workspace or folder settings
// attached every new task to records the repository chose. Such values now need the user's consent
// (confirmDefaultAssociations shows them, ticked, before anything is created); the user's own apply.
import * as assert from 'assert';
import { consentedAssociations, defaultAssociationsSource } from '../../../src/todo/core/associationSource';

describe('default associations: where they come from (issue 13.11)', () => {
  it('user-level values apply as before, without asking', () => {
    assert.deepStrictEqual(defaultAssociationsSource({ defaultValue: [], globalValue: ['@company:1'] }), { values: ['@company:1'], fromWorkspace: [] });
    assert.deepStrictEqual(defaultAssociationsSource({ defaultValue: [] }), { values: [], fromWorkspace: [] });
    assert.deepStrictEqual(defaultAssociationsSource(undefined), { values: [], fromWorkspace: [] });
  });

  it('workspace and folder values need consent; the folder wins as in VS Code', () => {
    assert.deepStrictEqual(defaultAssociationsSource({ globalValue: ['@company:1'], workspaceValue: ['@deal:evil', '@contact:x@y.z'] }),
      { values: ['@deal:evil', '@contact:x@y.z'], fromWorkspace: ['@deal:evil', '@contact:x@y.z'] });
    assert.deepStrictEqual(defaultAssociationsSource({ workspaceValue: ['@deal:1'], workspaceFolderValue: ['@deal:2'] }),
      { values: ['@deal:2'], fromWorkspace: ['@deal:2'] });
  });

  it('a workspace value the user also set in their own settings is not asked about again', () => {
    assert.deepStrictEqual(defaultAssociationsSource({ globalValue: ['@Company:1'], workspaceValue: ['@company:1', '@deal:9'] }),
      { values: ['@company:1', '@deal:9'], fromWorkspace: ['@deal:9'] });
  });

  it('a workspace can switch the user\'s associations off ([]) without asking: that only removes', () => {
    assert.deepStrictEqual(defaultAssociationsSource({ globalValue: ['@company:1'], workspaceValue: [] }), { values: [], fromWorkspace: [] });
  });

  it('ignores values of the wrong type and blank entries', () => {
    assert.deepStrictEqual(defaultAssociationsSource({ workspaceValue: '@contact:1', globalValue: ['@deal:3'] }), { values: ['@deal:3'], fromWorkspace: [] });
    assert.deepStrictEqual(defaultAssociationsSource({ workspaceValue: [' @deal:4 ', 7, '', null] }), { values: ['@deal:4'], fromWorkspace: ['@deal:4'] });
  });

  it('only what the user kept ticked is applied, with their own values', () => {
    const source = defaultAssociationsSource({ globalValue: ['@company:1'], workspaceValue: ['@company:1', '@deal:9', '@contact:a@b.c'] });
    assert.deepStrictEqual(consentedAssociations(source, []), ['@company:1']);
    assert.deepStrictEqual(consentedAssociations(source, ['@contact:a@b.c']), ['@company:1', '@contact:a@b.c']);
    assert.deepStrictEqual(consentedAssociations(source, source.fromWorkspace), source.values);
  });
});
