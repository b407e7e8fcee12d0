package uk.org.quadrant.gateway.apidocs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns an OpenAPI document into what the API documentation page shows: operations grouped by tag. */
@Singleton
public class ApiReference {

    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final JsonMapper json;

    ApiReference(JsonMapper json) {
        this.json = json;
    }

    /** One API as its page shows it; {@code available} false (and no sections) when its document could not be had. */
    public record ApiPage(String id, String title, @Nullable String description, @Nullable String version, boolean available,
                   List<Section> sections) {

        public int operationCount() {
            return sections.stream().mapToInt(s -> s.operations().size()).sum();
        }
    }

    /** The operations of one tag (the feature package of their controllers). */
    public record Section(String tag, List<OperationView> operations) {
    }

    public record OperationView(String method, String path, String callPath, @Nullable String summary,
                         List<ParameterView> parameters, @Nullable String requestBody, List<ResponseView> responses,
                         boolean tokenNeeded, List<String> roles) {
    }

    public record ParameterView(String name, String location, boolean required, String type, @Nullable String description) {
    }

    public record ResponseView(String status, @Nullable String description, @Nullable String body) {
    }

    ApiPage page(ApiDocs docs, Optional<String> document) {
        Optional<OpenApiDocument> parsed = document.flatMap(this::parse);
        if (parsed.isEmpty()) {
            return new ApiPage(docs.id(), docs.id(), null, null, false, List.of());
        }
        OpenApiDocument doc = parsed.get();
        OpenApiDocument.Info info = doc.info() == null ? new OpenApiDocument.Info(docs.id(), null, null) : doc.info();
        Map<String, List<OperationView>> byTag = new TreeMap<>();
        if (doc.paths() != null) {
            doc.paths().forEach((path, item) -> operations(item).forEach((method, operation) -> {
                String tag = operation.tags() == null || operation.tags().isEmpty() ? "other" : operation.tags().get(0);
                byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(view(docs, method, path, operation));
            }));
        }
        List<Section> sections = byTag.entrySet().stream()
                .map(e -> new Section(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing(OperationView::path)
                                .thenComparing(o -> METHOD_ORDER.indexOf(o.method())))
                        .toList()))
                .toList();
        return new ApiPage(docs.id(), info.title() == null ? docs.id() : info.title(), info.description(),
                info.version(), true, sections);
    }

    private Optional<OpenApiDocument> parse(String document) {
        try {
            return Optional.ofNullable(json.readValue(document, OpenApiDocument.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, OpenApiDocument.Operation> operations(OpenApiDocument.PathItem item) {
        Map<String, OpenApiDocument.Operation> operations = new LinkedHashMap<>();
        if (item.get() != null) {
            operations.put("GET", item.get());
        }
        if (item.post() != null) {
            operations.put("POST", item.post());
        }
        if (item.put() != null) {
            operations.put("PUT", item.put());
        }
        if (item.patch() != null) {
            operations.put("PATCH", item.patch());
        }
        if (item.delete() != null) {
            operations.put("DELETE", item.delete());
        }
        return operations;
    }

    private static OperationView view(ApiDocs docs, String method, String path, OpenApiDocument.Operation operation) {
        List<ParameterView> parameters = operation.parameters() == null ? List.of() : operation.parameters().stream()
                .map(p -> new ParameterView(p.name(), p.location() == null ? "" : p.location(),
                        Boolean.TRUE.equals(p.required()), p.schema() == null ? "any" : p.schema().describe(),
                        p.description()))
                .toList();
        String requestBody = operation.requestBody() == null ? null : body(operation.requestBody().content());
        List<ResponseView> responses = operation.responses() == null ? List.of() : operation.responses().entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new ResponseView(e.getKey(), e.getValue().description(), body(e.getValue().content())))
                .toList();
        List<String> roles = new ArrayList<>();
        boolean tokenNeeded = operation.security() != null && !operation.security().isEmpty();
        if (tokenNeeded) {
            operation.security().forEach(requirement -> requirement.values().forEach(roles::addAll));
        }
        String summary = operation.summary() != null ? operation.summary() : operation.description();
        return new OperationView(method, path, docs.throughTheGateway(path), summary, parameters, requestBody,
                responses, tokenNeeded, roles.stream().distinct().sorted().toList());
    }

    /** {@code ValueView (application/json)}; null when there is no body. */
    private static String body(@Nullable Map<String, OpenApiDocument.Content> content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        content.forEach((mediaType, c) -> parts.add(
                (c.schema() == null ? "any" : c.schema().describe()) + " (" + mediaType + ")"));
        return String.join(", ", parts);
    }
}
