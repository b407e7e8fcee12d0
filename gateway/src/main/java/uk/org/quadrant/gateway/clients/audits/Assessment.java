package uk.org.quadrant.gateway.clients.audits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An agency's Section 11 self-assessment for a cycle, standard by standard. */
@Serdeable
public record Assessment(long id, String agency, String cycle, @Nullable Long carriedFrom, @Nullable List<Row> standards,
                         int green, int amber, int red, int unrated) {

    /** One standard's rating. */
    @Serdeable
    public record Row(String code, String title, @Nullable String rag, @Nullable String evidence, @Nullable String boardComment,
                      @Nullable String boardCommentBy, @Nullable String boardCommentAt, @Nullable String updatedBy,
                      @Nullable Long version) {
    }
}
