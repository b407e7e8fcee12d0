package uk.org.quadrant.gateway.browse.indicators;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.clients.Calls;
import uk.org.quadrant.gateway.clients.Downstream;
import uk.org.quadrant.gateway.clients.DownstreamUnavailableException;
import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.clients.Service;
import uk.org.quadrant.gateway.clients.indicators.IndicatorsClient;
import uk.org.quadrant.gateway.identity.tokens.CurrentUser;

/**
 * Fetches an indicator's series as CSV from indicators-service, with the signed-in user's token and
 * under the one call policy like every other read, and hands it on as a download.
 */
@Singleton
class SeriesCsvDownload {

    private final Downstream downstream;
    private final IndicatorsClient indicators;

    SeriesCsvDownload(Downstream downstream, IndicatorsClient indicators) {
        this.downstream = downstream;
        this.indicators = indicators;
    }

    HttpResponse<byte[]> download(HttpRequest<?> request, String code, CurrentUser user) {
        if (!IndicatorPageModel.CODE.matcher(code).matches()) {
            throw IndicatorPageModel.notFound();
        }
        String agency = IndicatorPageModel.seriesAgency(user);
        Reply<byte[]> reply = Calls.require(downstream.forRequest(request)
                .read(Service.INDICATORS, () -> indicators.seriesCsv(code, agency)));
        if (reply.status() == 404 || reply.status() == 403) {
            throw IndicatorPageModel.notFound();
        }
        if (!reply.ok()) {
            throw new DownstreamUnavailableException(Service.INDICATORS, "series.csv: status " + reply.status(), null);
        }
        byte[] body = reply.body() == null ? new byte[0] : reply.body();
        return HttpResponse.ok(body)
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + code + "-series.csv\"");
    }
}
