// A mocha reporter: mocha's `spec` output on the console, plus a JSON summary (passed / failed / pending and
// the failed tests' titles) written to $HARNESS_RESULT_FILE for scripts/test-all.js to add up.
'use strict';

const fs = require('fs');
const Mocha = require('mocha');

const { Spec } = Mocha.reporters;
const { EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const summary = { suite: process.env.HARNESS_SUITE || 'mocha', passed: 0, failed: 0, pending: 0, failures: [] };
    runner.on(EVENT_TEST_PASS, () => summary.passed++);
    runner.on(EVENT_TEST_PENDING, () => summary.pending++);
    // Also counts hook failures ("before all" hook …), which fail the run without a test.
    runner.on(EVENT_TEST_FAIL, (test, error) => {
      summary.failed++;
      summary.failures.push(`${test.fullTitle()}: ${error && error.message ? error.message.split('\n')[0] : String(error)}`);
    });
    runner.once(EVENT_RUN_END, () => {
      if (process.env.HARNESS_RESULT_FILE) fs.writeFileSync(process.env.HARNESS_RESULT_FILE, JSON.stringify(summary, null, 2));
    });
  }
}

module.exports = SummaryReporter;
