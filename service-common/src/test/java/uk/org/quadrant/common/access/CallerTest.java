package uk.org.quadrant.common.access;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18: a service token, whatever else it carries, is the service identity: it reads every agency and writes nothing. */
class CallerTest {

    private static final String SUBJECT = "service:quadrant-gateway";

    @Test
    void eitherMarkMakesAServiceToken() {
        assertTrue(Caller.isServiceToken(Authentication.build(SUBJECT, List.of(Caller.SERVICE_READER), Map.of())));
        assertTrue(Caller.isServiceToken(Authentication.build("manager", List.of(Caller.MANAGER), Map.of(Caller.SERVICE_CLAIM, true))));
        assertFalse(Caller.isServiceToken(Authentication.build("manager", List.of(Caller.MANAGER), Map.of("agency", "BOARD"))));
    }

    @Test
    void aServiceTokenGivesTheServiceRoleAloneAndNoAgency() {
        for (Authentication token : List.of(
                Authentication.build(SUBJECT, List.of(Caller.SERVICE_READER), Map.of(Caller.SERVICE_CLAIM, true)),
                Authentication.build(SUBJECT, List.of(Caller.SERVICE_READER, Caller.MANAGER), Map.of("agency", "CSC")),
                Authentication.build("csc.lead", List.of(Caller.LEAD, Caller.MANAGER), Map.of("agency", "CSC", Caller.SERVICE_CLAIM, true)))) {
            Caller caller = Caller.of(token);
            assertEquals(Set.of(Caller.SERVICE_READER), caller.roles(), token::toString);
            assertEquals("", caller.agency(), token::toString);
            assertTrue(caller.isServiceReader());
            assertTrue(caller.readsEveryAgency());
        }
    }

    /** Even built by hand with every role beside it, the service role passes no write or sign-off check. */
    @Test
    void theServiceRolePassesNoWriteCheckWhateverElseItHas() {
        Caller caller = new Caller(SUBJECT, "CSC", Set.of(Caller.SERVICE_READER, Caller.MANAGER, Caller.CHAIR, Caller.LEAD,
                Caller.CONTRIBUTOR));
        assertFalse(caller.isManager());
        assertFalse(caller.isBoard());
        assertFalse(caller.isLeadOf("CSC"));
        assertFalse(caller.mayWriteFor("CSC"));
        assertFalse(caller.mayWriteFor("TVP"));
        assertTrue(caller.readsEveryAgency());
    }

    @Test
    void peopleAreAsBefore() {
        Caller manager = Caller.of(Authentication.build("manager", List.of(Caller.MANAGER), Map.of("agency", "BOARD")));
        assertTrue(manager.isManager() && manager.isBoard() && manager.mayWriteFor("CSC") && manager.readsEveryAgency());
        assertFalse(manager.isServiceReader());
        Caller lead = Caller.of(Authentication.build("csc.lead", List.of(Caller.LEAD), Map.of("agency", "CSC")));
        assertTrue(lead.isLeadOf("CSC") && lead.mayWriteFor("CSC"));
        assertFalse(lead.mayWriteFor("TVP") || lead.readsEveryAgency() || lead.isServiceReader());
    }
}
