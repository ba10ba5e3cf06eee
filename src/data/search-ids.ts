/**
 * Search ids of provinces carry this prefix; feature ids never contain a colon. Kept apart from
 * search-index.ts so the search box can read it without loading minisearch.
 */
export const PROVINCE_HIT_PREFIX = 'province:';
/** Search ids of events and agreements carry these prefixes. */
export const EVENT_HIT_PREFIX = 'event:';
export const AGREEMENT_HIT_PREFIX = 'agreement:';
