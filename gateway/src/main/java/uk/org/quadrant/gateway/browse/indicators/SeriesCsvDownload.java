package uk.org.quadrant.gateway.browse.indicators;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import uk.org.quadrant.gateway.clients.DownstreamConfiguration;
import uk.org.quadrant.gateway.clients.DownstreamUnavailableException;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.identity.signin.CurrentUser;
import uk.org.quadrant.gateway.identity.tokens.AuthConfiguration;

/**
 * Fetches an indicator's series as CSV from indicators-service with the signed-in user's token and
 * hands it on as a download. The downstream calls parse JSON only, so this one goes to the service's
 * client directly, under the same bound on its time as every other call.
 */
@Singleton
class SeriesCsvDownload {

    private final HttpClient indicators;
    private final DownstreamConfiguration config;
    private final String cookieName;

    SeriesCsvDownload(@Client(id = "indicators") HttpClient indicators, DownstreamConfiguration config, AuthConfiguration auth) {
        this.indicators = indicators;
        this.config = config;
        this.cookieName = auth.cookieName();
    }

    HttpResponse<byte[]> download(HttpRequest<?> request, String code, CurrentUser user) {
        if (!IndicatorPageModel.CODE.matcher(code).matches()) {
            throw IndicatorPageModel.notFound();
        }
        MutableHttpRequest<Object> call = HttpRequest.GET("/api/v1/indicators/" + code + "/series.csv" + IndicatorPageModel.seriesQuery(user))
                .accept(MediaType.of("text/csv"));
        String bearer = bearer(request);
        if (!bearer.isEmpty()) {
            call.header("Authorization", bearer);
        }
        HttpResponse<byte[]> response;
        try {
            response = Mono.from(indicators.exchange(call, Argument.of(byte[].class), Argument.of(byte[].class)))
                    .onErrorResume(HttpClientResponseException.class, e -> Mono.just(bytes(e.getResponse())))
                    .timeout(config.timeout())
                    .block();
        } catch (RuntimeException e) {
            throw new DownstreamUnavailableException(Service.INDICATORS, "series.csv: " + e, e);
        }
        if (response == null) {
            throw new DownstreamUnavailableException(Service.INDICATORS, "series.csv: no answer", null);
        }
        int status = response.code();
        if (status == 404 || status == 403) {
            throw IndicatorPageModel.notFound();
        }
        if (status < 200 || status >= 300) {
            throw new DownstreamUnavailableException(Service.INDICATORS, "series.csv: status " + status, null);
        }
        byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
        return HttpResponse.ok(body)
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + code + "-series.csv\"");
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<byte[]> bytes(HttpResponse<?> response) {
        return (HttpResponse<byte[]>) response;
    }

    /** The user's token: an API client's bearer header, or the browser's session cookie. */
    private String bearer(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse(null);
        if (header != null && header.startsWith("Bearer ")) {
            return header;
        }
        return request.getCookies().findCookie(cookieName).map(c -> "Bearer " + c.getValue()).orElse("");
    }
}
