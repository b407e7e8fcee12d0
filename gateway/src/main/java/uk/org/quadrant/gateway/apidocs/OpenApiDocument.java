package uk.org.quadrant.gateway.apidocs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The parts of an OpenAPI 3 document (as micronaut-openapi writes them) that the API documentation pages show.
 * Everything else in the document is ignored when it is read.
 */
@Serdeable
record OpenApiDocument(@Nullable Info info, @Nullable Map<String, PathItem> paths) {

    @Serdeable
    record Info(@Nullable String title, @Nullable String description, @Nullable String version) {
    }

    /** One path's operations, by HTTP method. */
    @Serdeable
    record PathItem(@Nullable Operation get, @Nullable Operation put, @Nullable Operation post,
                    @Nullable Operation delete, @Nullable Operation patch) {
    }

    @Serdeable
    record Operation(@Nullable List<String> tags, @Nullable String summary, @Nullable String description,
                     @Nullable List<Parameter> parameters, @Nullable RequestBody requestBody,
                     @Nullable Map<String, Response> responses, @Nullable List<Map<String, List<String>>> security) {
    }

    @Serdeable
    record Parameter(String name, @JsonProperty("in") @Nullable String location, @Nullable Boolean required,
                     @Nullable String description, @Nullable Schema schema) {
    }

    @Serdeable
    record RequestBody(@Nullable Map<String, Content> content, @Nullable Boolean required) {
    }

    @Serdeable
    record Response(@Nullable String description, @Nullable Map<String, Content> content) {
    }

    @Serdeable
    record Content(@Nullable Schema schema) {
    }

    @Serdeable
    record Schema(@Nullable String type, @Nullable String format, @JsonProperty("$ref") @Nullable String ref,
                  @Nullable Schema items) {

        /** {@code ValueView}, {@code array of ScorecardRow}, {@code string (date)}. */
        String describe() {
            if (ref != null) {
                return ref.substring(ref.lastIndexOf('/') + 1);
            }
            if ("array".equals(type) && items != null) {
                return "array of " + items.describe();
            }
            if (type == null) {
                return "any";
            }
            return format == null ? type : type + " (" + format + ")";
        }
    }
}
