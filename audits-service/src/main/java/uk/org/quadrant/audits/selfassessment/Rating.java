package uk.org.quadrant.audits.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** An agency's RAG rating and evidence against one standard, with the board's challenge. */
@MappedEntity("s11_rating")
public record Rating(@Id @GeneratedValue @Nullable Long id, long assessmentId, String standardCode, @Nullable String rag,
                     @Nullable String evidence, @Nullable String boardComment, @Nullable String boardCommentBy,
                     @Nullable Instant boardCommentAt, String updatedBy, Instant updatedAt, @Version @Nullable Long version) {
}
