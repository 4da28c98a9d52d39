/** The states a case ends in (the server's FINAL_STATES); the client keeps its own copy so it need not bundle XState. */
const CLOSED = new Set(['completed', 'refused', 'denied', 'withdrawn']);

export const isClosed = (state: string): boolean => CLOSED.has(state);
