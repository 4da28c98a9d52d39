/**
 * Rate-limit budgets high enough that a test which makes many requests from
 * one address (the authorisation matrix, the fuzzer) is judged on what it
 * asks, not on how often; 429 stays covered by the rate-limit tests. The
 * prefix keeps its counters apart from other test files' on a shared database.
 */
export function highLimits(tag: string): Record<string, string> {
  return {
    QUERY_CODE_MAX_FAILURES: '1000000',
    LOGIN_MAX_FAILURES: '1000000',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
    FILING_LIMIT: '1000000',
    APPLICANT_ACTION_LIMIT: '1000000',
    RATE_LIMIT_PREFIX: `${tag}${process.pid}`,
  };
}
