package uk.org.quadrant.gateway.web.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.View;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A template that fails while rendering is a plain 500 page at once: no hang, no stack trace. */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "spec.name", value = "TemplateFailureTest")
class TemplateFailureTest {

    @Requires(property = "spec.name", value = "TemplateFailureTest")
    @Controller(value = "/test-broken-template", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class BrokenController {
        @Get
        @View("broken/page")
        Map<String, Object> page() {
            return Map.of("thing", "a string has no such property");
        }

        @Get("/hidden-record")
        @View("broken/hidden")
        Map<String, Object> hidden() {
            return Map.of("thing", new Hidden("not reachable from the template"));
        }
    }

    private record Hidden(String name) {
    }

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aTemplateReadingAnInaccessibleRecordIsA500PageNotAHang() {
        HttpClientResponseException e = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/test-broken-template/hidden-record").accept(MediaType.TEXT_HTML), String.class)));
        assertEquals(500, e.getStatus().getCode());
    }

    @Test
    void aBrokenTemplateIsA500PageNotAHang() {
        HttpClientResponseException e = assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/test-broken-template").accept(MediaType.TEXT_HTML), String.class)));
        assertEquals(500, e.getStatus().getCode());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertFalse(body.contains("at org.") || body.contains("Exception"), "no stack trace: " + body);
        assertTrue(body.contains("Reference") || body.contains("problem"), body);
    }
}
