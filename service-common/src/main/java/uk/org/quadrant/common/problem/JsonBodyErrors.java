package uk.org.quadrant.common.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.body.CloseableByteBody;

import java.nio.charset.StandardCharsets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the framework's message for a JSON body it could not bind ("Failed to convert argument
 * [body] … Cannot deserialize value of type `java.math.BigDecimal` … line: 1, column: 16") into a
 * field error a client can act on: the JSON property at that position, and what it should be.
 */
final class JsonBodyErrors {

    private static final Pattern FAILED = Pattern.compile("Failed to convert argument \\[[^]]+] for value \\[[^]]*] due to: (.*)", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("value of type `([^`]+)`");
    private static final Pattern ONE_OF = Pattern.compile("Expected one of (\\[[^]]*])");
    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern PROPERTY = Pattern.compile("\"([A-Za-z0-9_]+)\"\\s*:");
    private static final Pattern DECODING = Pattern.compile("Error decoding property \\[(?:(\\S+) )?(\\w+)] of type");

    private JsonBodyErrors() {
    }

    /** A field error for a body-binding failure, or empty if the message is not one. */
    static Optional<Problem.FieldError> of(HttpRequest<?> request, String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher failed = FAILED.matcher(message);
        if (!failed.matches()) {
            return Optional.empty();
        }
        String cause = failed.group(1);
        Matcher decoding = DECODING.matcher(cause);
        if (decoding.find()) {
            // "Error decoding property [LocalDate periodStart] of type [class …]: Text '2033-02-30' could not be parsed"
            return Optional.of(new Problem.FieldError(decoding.group(2), expectationOf(decoding.group(1), cause)));
        }
        if (!LOCATION.matcher(cause).find() && !cause.contains("Cannot deserialize")) {
            return Optional.empty(); // not a JSON body (a query or path parameter names itself)
        }
        String field = propertyAt(request, cause).orElse("body");
        return Optional.of(new Problem.FieldError(field, expectation(cause)));
    }

    private static String expectationOf(String simpleType, String cause) {
        if (simpleType == null) {
            return "has the wrong type";
        }
        return switch (simpleType) {
            case "LocalDate" -> "must be a real date like 2018-03-31";
            case "Instant" -> "must be a date and time like 2018-03-31T12:00:00Z";
            case "BigDecimal", "Double", "double", "Float", "float" -> "must be a number";
            case "Long", "long", "Integer", "int" -> "must be a whole number";
            case "Boolean", "boolean" -> "must be true or false";
            default -> expectation(cause);
        };
    }

    private static String expectation(String cause) {
        Matcher oneOf = ONE_OF.matcher(cause);
        if (oneOf.find()) {
            return "must be one of " + oneOf.group(1);
        }
        Matcher type = TYPE.matcher(cause);
        if (!type.find()) {
            return cause.contains("Unexpected end") || cause.contains("Unexpected character")
                    ? "is not valid JSON" : "has the wrong type";
        }
        String t = type.group(1);
        return switch (t) {
            case "java.math.BigDecimal", "java.lang.Double", "double", "java.lang.Float", "float" -> "must be a number";
            case "java.lang.Long", "long", "java.lang.Integer", "int", "java.lang.Short", "short" -> "must be a whole number";
            case "java.lang.Boolean", "boolean" -> "must be true or false";
            case "java.time.LocalDate" -> "must be a date like 2018-03-31";
            case "java.time.Instant" -> "must be a date and time like 2018-03-31T12:00:00Z";
            case "java.lang.String" -> "must be text";
            default -> t.startsWith("java.util.List") || t.startsWith("java.util.Set") ? "must be a list"
                    : t.startsWith("java.util.Map") ? "must be an object" : "has the wrong type";
        };
    }

    /** The request body as received, if it is still buffered (it is, once the JSON parser has read it). */
    private static Optional<String> rawBody(HttpRequest<?> request) {
        if (request instanceof ServerHttpRequest<?> server) {
            try (CloseableByteBody copy = server.byteBody().split()) {
                CloseableAvailableByteBody available = copy.buffer().getNow(null);
                if (available != null) {
                    try (available) {
                        return Optional.of(new String(available.toByteArray(), StandardCharsets.UTF_8));
                    }
                }
            } catch (RuntimeException e) {
                // consumed or released: fall back to the framework's view of the body
            }
        }
        try {
            return request.getBody(String.class);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The last JSON property name that starts before the reported position. */
    private static Optional<String> propertyAt(HttpRequest<?> request, String cause) {
        Matcher location = LOCATION.matcher(cause);
        if (!location.find()) {
            return Optional.empty();
        }
        Optional<String> body = rawBody(request);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String[] lines = body.get().split("\n", -1);
        int line = Integer.parseInt(location.group(1));
        int column = Integer.parseInt(location.group(2));
        if (line < 1 || line > lines.length) {
            return Optional.empty();
        }
        int offset = 0;
        for (int i = 0; i < line - 1; i++) {
            offset += lines[i].length() + 1;
        }
        int end = Math.min(body.get().length(), offset + Math.max(column - 1, 0));
        Matcher property = PROPERTY.matcher(body.get().substring(0, end));
        String last = null;
        while (property.find()) {
            last = property.group(1);
        }
        return Optional.ofNullable(last);
    }
}
