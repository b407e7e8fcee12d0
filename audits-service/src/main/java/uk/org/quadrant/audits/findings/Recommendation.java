package uk.org.quadrant.audits.findings;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A recommendation as audits-service states it: what actions-service must track for finding
 * {@code findingId}, in which plan and led by whom. Served by {@code GET /api/v1/findings/{id}/recommendation}
 * only to a caller who may send it, so that actions-service can ask rather than take the body's word
 * (docs/decisions.md "Recommendations become actions over HTTP").
 *
 * @param sourceRef      {@code audits:finding:<id>}, the key actions-service makes the action idempotent on
 * @param planSourceType always {@code AUDIT}
 * @param planSourceRef  {@code audits:audit:<auditId>}: the action joins that audit's plan, and no other
 * @param leadAgency     the finding's agency, else the audit's lead agency
 */
@Serdeable
public record Recommendation(long findingId, String sourceRef, String planSourceType, String planSourceRef, String planTitle,
                             String issue, String action, String leadAgency) {
}
