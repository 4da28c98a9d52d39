/** Prints one plain closing line, "tests: N passed, N failed, N skipped", that any CI can read. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const db = /^(mysql|mariadb):/.test(process.env.DATABASE_URL || '') ? 'mariadb' : 'sqlite';
    process.stdout.write(`\n(${db})\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
