package uk.org.quadrant.indicators.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.contracts.DatabaseOutageContract;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link DatabaseOutageContract} on an indicator: it is read, and a value is entered for it. */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends DatabaseOutageContract {

    private static final String CODE = "OUTAGE-1";

    @Override
    protected void prepare() {
        api().post(manager(), ApiTestBase.INDICATORS,
                ApiTestBase.indicator(CODE, "COUNT", "LOWER_IS_BETTER", "FINANCIAL_YEAR", "CSC", 5)).expect(201);
    }

    @Override
    protected Api.Res read() {
        return api().get(manager(), ApiTestBase.INDICATORS + "/" + CODE);
    }

    @Override
    protected Api.Res write() {
        return api().put(cscUser(), ApiTestBase.value(CODE, "2016April"), Api.body("value", 100));
    }

    @Override
    protected int written() {
        return 200;
    }

    @Override
    protected void assertWrittenOnce() {
        assertEquals(1, api().get(cscUser(), ApiTestBase.values(CODE)).list().size(), "the write after recovery is there, once");
    }
}
