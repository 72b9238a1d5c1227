// Moved to test/support/waitFor.ts (one polling helper for every suite); kept as a path for in-host tests
// being written against it.
export { waitFor } from '../../support/waitFor';
