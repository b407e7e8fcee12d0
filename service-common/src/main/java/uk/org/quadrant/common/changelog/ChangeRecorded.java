package uk.org.quadrant.common.changelog;

/**
 * Published by {@link ChangeRecorder} after each entry it writes, synchronously, so a listener runs
 * inside the transaction that makes the change.
 */
public record ChangeRecorded(String entityType, String entityId, String action) {
}
