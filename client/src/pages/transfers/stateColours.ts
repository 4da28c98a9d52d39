/** The colour of an organisation's directory state, wherever it is shown. */
export const STATE_COLOURS: Record<string, string> = { qualified: 'green', probation: 'orange', removed: 'red' };
