package uk.org.quadrant.actions.support;

import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Answer;
import uk.org.quadrant.common.testing.standin.ServiceStandIn.Request;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for indicators-service over real HTTP on loopback: {@code GET /api/v1/scorecard} (the
 * latest value of every indicator) and {@code GET /api/v1/indicators/{code}} (200 for a known code,
 * 404 otherwise). Each endpoint can be made to fail (500), hang past the client's read timeout, or
 * answer with something that is not JSON. Counts requests and records the Authorization header
 * each carried. Served by a {@link ServiceStandIn} (service-common's test-jar); this class holds only
 * indicators-service's answers.
 */
public final class IndicatorsStub implements AutoCloseable {

    /** How an endpoint answers. */
    public enum Mode { OK, ERROR, SLOW, GARBAGE }

    private static final String SCORECARD = "/api/v1/scorecard";
    private static final String INDICATORS = "/api/v1/indicators/";

    private final ServiceStandIn standIn = new ServiceStandIn();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Map<String, String> scorecardRows = new ConcurrentHashMap<>();
    private volatile Mode scorecardMode = Mode.OK;
    private volatile Mode indicatorMode = Mode.OK;
    private volatile Duration slowness = Duration.ofMillis(3500);

    public IndicatorsStub() {
        standIn.on(SCORECARD + "*", this::scorecard);
        standIn.on(INDICATORS + "*", this::indicator);
    }

    /** Points the service under test's declarative client at this stub. */
    public Map<String, String> properties() {
        return Map.of("micronaut.http.services.indicators.url", url());
    }

    public String url() {
        return standIn.url();
    }

    /** Codes that {@code GET /api/v1/indicators/{code}} knows (200). */
    public IndicatorsStub know(String... codes) {
        known.addAll(List.of(codes));
        return this;
    }

    /** A known indicator with a scorecard row; {@code value} may be null (no value yet). */
    public IndicatorsStub latest(String code, String period, String periodLabel, BigDecimal value, String status) {
        known.add(code);
        scorecardRows.put(code, "{\"code\":" + str(code) + ",\"period\":" + str(period) + ",\"periodLabel\":" + str(periodLabel)
                + ",\"value\":" + (value == null ? "null" : value.toPlainString()) + ",\"status\":" + str(status) + "}");
        return this;
    }

    public void scorecardMode(Mode mode) {
        scorecardMode = mode;
    }

    public void indicatorMode(Mode mode) {
        indicatorMode = mode;
    }

    public void slowness(Duration d) {
        slowness = d;
    }

    /** Back to answering normally, counters and recorded headers cleared (rows and codes kept). */
    public void reset() {
        scorecardMode = Mode.OK;
        indicatorMode = Mode.OK;
        standIn.clear();
    }

    public int scorecardCalls() {
        return received(SCORECARD).size();
    }

    public int indicatorCalls() {
        return received(INDICATORS).size();
    }

    public List<String> scorecardAuthorizations() {
        return received(SCORECARD).stream().map(r -> String.valueOf(r.authorization())).toList();
    }

    public List<String> indicatorAuthorizations() {
        return received(INDICATORS).stream().map(r -> String.valueOf(r.authorization())).toList();
    }

    private List<Request> received(String prefix) {
        return standIn.received().stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    private Answer scorecard(Request request) {
        if (!"GET".equals(request.method()) || !SCORECARD.equals(request.path())) {
            return Answer.json(404, "{\"status\":404}");
        }
        Answer misbehaving = misbehave(scorecardMode);
        return misbehaving != null ? misbehaving : Answer.json("[" + String.join(",", scorecardRows.values()) + "]");
    }

    private Answer indicator(Request request) {
        Answer misbehaving = misbehave(indicatorMode);
        if (misbehaving != null) {
            return misbehaving;
        }
        String code = request.path().substring(INDICATORS.length());
        if (!"GET".equals(request.method()) || !known.contains(code)) {
            return Answer.json(404, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No indicator " + code + "\"}");
        }
        return Answer.json("{\"code\":" + str(code) + ",\"title\":\"Indicator " + code
                + "\",\"unit\":\"PERCENT\",\"polarity\":\"HIGHER_IS_BETTER\"}");
    }

    /** The answer of an endpoint that misbehaves, or null when it answers normally. */
    private Answer misbehave(Mode mode) {
        switch (mode) {
            case ERROR -> {
                return Answer.json(500, "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
            }
            case SLOW -> {
                try {
                    Thread.sleep(slowness.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.json("[]");
            }
            case GARBAGE -> {
                return new Answer(200, "application/json", "<html><body>Bad gateway</body></html>");
            }
            default -> {
                return null;
            }
        }
    }

    private static String str(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        standIn.close();
    }
}
