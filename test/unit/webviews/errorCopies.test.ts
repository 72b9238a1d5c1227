// The task editor and the TODO bulk path are separate bundles (esbuild.js LAZY_BUNDLES), each with its
// own copy of src/hubspot/errors.ts, while the errors they see come from the main bundle's client. Here a
// second copy of the module stands for the main bundle's: the editor must still tell the kinds apart.
import * as assert from 'assert';
import * as errors from '../../../src/hubspot/errors';
import { describe as describeError, fieldErrorsOf } from '../../../src/webviews/taskEditor/taskEditorService';

/** A second instance of the errors module, as another bundle has it (its classes are distinct). */
function otherCopy(): typeof errors {
  const file = require.resolve('../../../src/hubspot/errors');
  const cached = require.cache[file];
  delete require.cache[file];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as typeof errors;
  } finally {
    require.cache[file] = cached;
  }
}

describe('HubSpot errors across bundle copies', () => {
  const other = otherCopy();

  it('are different classes, so instanceof alone would miss them', () => {
    assert.notStrictEqual(other.ValidationError, errors.ValidationError);
    assert.strictEqual(new other.NotFoundError('gone') instanceof errors.NotFoundError, false);
  });

  it('are still recognised by isHubSpotError and isErrorOfKind', () => {
    const error = new other.NetworkError('reset', false, true);
    assert.strictEqual(errors.isHubSpotError(error), true);
    assert.strictEqual(errors.isErrorOfKind(error, 'network'), true);
    assert.strictEqual(errors.isErrorOfKind(error, 'server'), false);
    assert.strictEqual(errors.isHubSpotError(new Error('plain')), false);
    assert.strictEqual(errors.isHubSpotError(Object.assign(new Error('look-alike'), { kind: 'network' })), false);
  });

  it('keep their field errors and correlation id in the editor', () => {
    const error = new other.ValidationError('Property values were not valid', [{ field: 'hs_task_subject', message: 'is required' }], { correlationId: 'c-1' });
    const fieldErrors = fieldErrorsOf(error);
    assert.ok(fieldErrors && fieldErrors.length === 1, 'a ValidationError from the other copy is one');
    assert.deepStrictEqual(fieldErrors[0], { field: 'subject', message: 'is required' });
    assert.strictEqual(describeError(error), 'Property values were not valid (correlation id c-1)');
  });
});
