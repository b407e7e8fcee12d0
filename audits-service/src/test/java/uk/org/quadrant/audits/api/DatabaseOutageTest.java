package uk.org.quadrant.audits.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import uk.org.quadrant.common.testing.api.Api;
import uk.org.quadrant.common.testing.contracts.DatabaseOutageContract;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link DatabaseOutageContract} on an audit: it is read, and a case is recorded in it. */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends DatabaseOutageContract {

    private long id;

    @Override
    protected void prepare() {
        id = api().post(manager(), ApiTestBase.AUDITS, ApiTestBase.auditBody("MULTI_AGENCY_CASE_AUDIT", "Outage audit", "CSC",
                List.of("TVP"), "2017-04-01", "2018-03-31")).expect(201).id();
        api().post(cscUser(), ApiTestBase.cases(id), ApiTestBase.caseBody("OUT-1", "GOOD", "CSC")).expect(201);
        api().get(manager(), ApiTestBase.cases(id)).expect(200);
    }

    @Override
    protected Api.Res read() {
        return api().get(manager(), ApiTestBase.audit(id));
    }

    @Override
    protected Api.Res write() {
        return api().post(cscUser(), ApiTestBase.cases(id), ApiTestBase.caseBody("OUT-2", "GOOD", "CSC"));
    }

    @Override
    protected void assertWrittenOnce() {
        assertEquals(2, api().get(manager(), ApiTestBase.cases(id)).expect(200).list().size(),
                "the case refused during the outage was not written; the one after it was, once");
    }
}
