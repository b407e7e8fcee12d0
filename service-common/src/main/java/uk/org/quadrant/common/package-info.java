/**
 * Plumbing the four modules share, and nothing else: problem+json replies, the caller bound from the token,
 * paging, the change log. No domain type and no business rule belongs here; each service keeps its own
 * routes, data and rules (docs/decisions.md, 2026-12-07 "service-common").
 */
package uk.org.quadrant.common;
