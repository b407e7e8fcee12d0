package uk.org.quadrant.audits.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A self-assessment with one row per standard (rated or not). */
@Serdeable
public record AssessmentView(long id, String agency, String cycle, @Nullable Long carriedFrom, List<Row> standards,
                             int green, int amber, int red, int unrated) {

    @Serdeable
    public record Row(String code, String title, @Nullable String rag, @Nullable String evidence, @Nullable String boardComment,
                      @Nullable String boardCommentBy, @Nullable Instant boardCommentAt, @Nullable String updatedBy,
                      @Nullable Long version) {
    }
}
