package uk.org.quadrant.gateway.isolation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.org.quadrant.common.testing.isolation.Matrix;
import uk.org.quadrant.gateway.identity.csrf.CsrfTokens;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.identity.tokens.ServiceTokens;
import uk.org.quadrant.gateway.identity.tokens.SessionIds;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static uk.org.quadrant.common.testing.isolation.Matrix.expand;
import static uk.org.quadrant.common.testing.isolation.Matrix.merge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 8, access control at the gateway: every route of the gateway's router, listed below with
 * its rule, tried with no session, an expired session, a session signed by another key and one of
 * another issuer (a browser page: redirect to /login; JSON: 401), with the gateway's own service token and with a
 * session marked as one (issue 18: like no session), as agency A (TVP) on agency B's
 * (CSC) area (404, exactly like an agency that does not exist), as the chair on every form post but their own reminders and second factor
 * (403), and as agency users on the board's and the manager's pages (403). Form posts carry a valid
 * CSRF pair, so a refusal is the access rule's, not the CSRF filter's; after each refused post the
 * gateway's database is unchanged and no write reached a service. The services are stand-ins holding
 * one record of agency B (CSC) and one of agency A (TVP) per kind (id 1 and 2); anything else is a 404.
 *
 * <p>Issue 14: {@link #FORGED} posts each form with its hidden and body fields that name an agency, a
 * record or a parent (agency, leadAgency, participatingAgencies, ids, indicator, period, code) set to
 * someone else's, and checks that the gateway either refuses before any service is asked or builds the
 * service call from the path and the signed-in user alone, with the user's own token.
 *
 * <p>Adding a route: add one line to {@link #TABLE} with its rule, or this test fails. {@code HEAD}
 * routes Micronaut adds for each {@code GET} are tried with the {@code GET} line's rule.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRouteMatrixTest implements TestPropertyProvider {

    /** Stands for "a redirect to the sign-in page" among expected statuses. */
    static final int TO_LOGIN = -302;
    static final String CSRF = "isolation-matrix-csrf-token";

    /**
     * Who may use a route, as the expected status per caller; {@code null}: not a case for this rule.
     *
     * @param anonymous   no session, expired, foreign-key or other-issuer session
     * @param otherAgency TVP's contributor and lead on CSC's resource (and on a made-up one when {@code madeUpSame})
     * @param chair       the board chair
     * @param ownAgency   CSC's own contributor
     */
    record Rule(String name, Integer anonymous, Integer otherAgency, boolean madeUpSame, Integer chair, Integer ownAgency) {
    }

    static final Rule ANONYMOUS_PAGE = new Rule("anyone (sign-in, keys, health)", 200, null, false, null, null);
    static final Rule SIGNED_IN_PAGE = new Rule("any signed-in user", TO_LOGIN, null, false, null, null);
    static final Rule SIGNED_IN_JSON = new Rule("any signed-in user (JSON)", 401, null, false, null, null);
    static final Rule BOARD_PAGE = new Rule("board only", TO_LOGIN, 403, false, null, 403);
    static final Rule MANAGER_PAGE = new Rule("manager only", TO_LOGIN, 403, false, 403, 403);
    static final Rule MANAGER_FORM = new Rule("manager-only form", TO_LOGIN, 403, false, 403, 403);
    static final Rule MANAGER_JSON = new Rule("manager only (JSON)", 401, 403, false, 403, 403);
    static final Rule AGENCY_PAGE = new Rule("own agency's area (404 for others)", TO_LOGIN, 404, true, null, null);
    static final Rule AGENCY_FORM = new Rule("own agency's form (404 for others, chair refused)", TO_LOGIN, 404, true, 403, null);
    /** One's own settings (issue 18, e-mail reminders): any signed-in person, the chair included. */
    static final Rule OWN_SETTINGS_FORM = new Rule("any signed-in user's own settings (the chair's too)", TO_LOGIN, null, false, 303, null);
    /** One's own password (ASVS 6.2.2): any signed-in person, the chair included; the matrix's wrong current password is a 400, not a refusal. */
    static final Rule OWN_ACCOUNT_FORM = new Rule("any signed-in user's own account (the chair's too; wrong current password: 400)", TO_LOGIN, null, false, 400, null);
    /** One's own second factor (issue 19), a code required: any signed-in person, the chair included; no code is a 400 naming it. */
    static final Rule OWN_CODE_FORM = new Rule("any signed-in user's own second factor (the chair's too; no code: 400)", TO_LOGIN, null,
            false, 400, null);
    /** Ending one of one's own sessions (issue 19): a session that is not the caller's, or none, is a 404 for everyone. */
    static final Rule OWN_SESSION_FORM = new Rule("any signed-in user's own session (another's or none: 404)", TO_LOGIN, null, false, 404, null);
    /** The signed unsubscribe link: no sign-in, the signed token is the proof; without one, 400 "This link is not valid". */
    static final Rule SIGNED_LINK = new Rule("anyone holding a signed link (none here: 400)", 400, null, false, null, null);
    /** Issue 19: the start of a sign-in through an agency's provider: a redirect to the provider, whoever asks. */
    static final Rule TO_PROVIDER = new Rule("anyone (to the agency's provider)", 302, null, false, null, null);
    /** Issue 19: the provider's answer; without a state, code and this browser's state cookie, 401 "could not be signed in". */
    static final Rule PROVIDER_ANSWER = new Rule("anyone (the provider's answer; none here: 401)", 401, null, false, null, null);
    /** The provider the matrix configures (a mock-oauth2-server issuer), so its routes exist. */
    static final String PROVIDER = "agencyidp";

    /**
     * Forms whose agency rule needs the record from its service (B's record from the stand-in): another
     * agency's record is a 404 like a record that does not exist; the chair is refused before any call.
     */
    static final Rule WRITER_FORM = new Rule("writers' form (404 for others, chair refused)", TO_LOGIN, 404, true, 403, null);

    /** One route: method and template as the router prints them, rule, path variables (B's real, made up). */
    record Route(String method, String template, Rule rule, Map<String, String> real, Map<String, String> madeUp,
                 Map<String, String> form) {
        String key() {
            return method + " " + template;
        }

        boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        Route real(String... kv) {
            return new Route(method, template, rule, merge(real, kv), madeUp, form);
        }

        Route madeUp(String... kv) {
            return new Route(method, template, rule, real, merge(madeUp, kv), form);
        }

        Route form(String... kv) {
            return new Route(method, template, rule, real, madeUp, merge(form, kv));
        }
    }

    private static final Map<String, String> REAL = Map.of("code", "CSC", "username", "csc.user", "selector", "liveness",
            "id", "1", "assessmentId", "1", "indicator", "MASH-TIMELINESS", "period", "2017April", "agency", "CSC");
    private static final Map<String, String> MADE_UP = Map.of("code", "NOPE", "username", "nobody.here", "selector", "liveness",
            "id", "999999", "assessmentId", "999999", "indicator", "MASH-TIMELINESS", "period", "2017April", "agency", "NOPE");

    /** A form field sent as the uploaded file of a {@code multipart/form-data} post (the benchmarks import), not as text. */
    static final String FILE = "file";

    private static Route route(String method, String template, Rule rule) {
        return new Route(method, template, rule, REAL, MADE_UP, Map.of());
    }

    /** Every route of the gateway: one line each. */
    static final List<Route> TABLE = List.of(
            route("GET", "/health", ANONYMOUS_PAGE),
            route("GET", "/health/{selector}", ANONYMOUS_PAGE),
            route("GET", "/prometheus", ANONYMOUS_PAGE),
            route("GET", "/.well-known/jwks.json", ANONYMOUS_PAGE),
            route("GET", "/login", ANONYMOUS_PAGE),
            // A wrong password re-renders the form with a 401 (no session is created).
            route("POST", "/login", new Rule("anyone (sign-in form)", 401, null, false, null, null))
                    .form("username", "nobody.form", "password", "wrong"),
            route("POST", "/api/v1/auth/token", new Rule("anyone (token API)", 401, null, false, null, null)),
            route("POST", "/logout", new Rule("anyone (sign-out)", 303, null, false, null, null)),
            route("GET", "/api/v1/me", SIGNED_IN_JSON),
            route("GET", "/api-docs", SIGNED_IN_PAGE),
            route("GET", "/api-docs/{api}", SIGNED_IN_PAGE).real("api", "gateway").madeUp("api", "gateway"),
            route("GET", "/api-docs/{api}/openapi.json", SIGNED_IN_PAGE).real("api", "gateway").madeUp("api", "gateway"),
            route("GET", "/", SIGNED_IN_PAGE),
            route("GET", "/board", BOARD_PAGE),
            route("GET", "/agency/{code}", AGENCY_PAGE),
            route("GET", "/indicators", SIGNED_IN_PAGE),
            route("GET", "/indicators/{code}", SIGNED_IN_PAGE).real("code", "MASH-TIMELINESS"),
            route("GET", "/indicators/{code}/series.csv", SIGNED_IN_PAGE).real("code", "MASH-TIMELINESS"),
            route("GET", "/admin", MANAGER_PAGE),
            route("GET", "/admin/changes", MANAGER_PAGE),
            route("GET", "/admin/users", MANAGER_PAGE),
            route("GET", "/admin/users/new", MANAGER_PAGE),
            route("POST", "/admin/users", MANAGER_FORM).form("username", "refused.user", "displayName", "Refused",
                    "agency", "TVP", "role", "BOARD_MANAGER", "password", "refused-password-123"),
            route("GET", "/admin/users/{username}", MANAGER_PAGE),
            route("POST", "/admin/users/{username}", MANAGER_FORM).form("displayName", "Refused", "agency", "TVP",
                    "role", "BOARD_MANAGER", "version", "0"),
            route("POST", "/admin/users/{username}/enabled", MANAGER_FORM).form("enabled", "false", "version", "0"),
            route("GET", "/admin/users/{username}/password", MANAGER_PAGE),
            route("POST", "/admin/users/{username}/password", MANAGER_FORM).form("password", "refused-password-123"),
            route("GET", "/admin/agencies", MANAGER_PAGE),
            route("POST", "/admin/agencies", MANAGER_FORM).form("code", "REFUSED", "name", "Refused"),
            route("GET", "/admin/agencies/{code}", MANAGER_PAGE),
            route("POST", "/admin/agencies/{code}", MANAGER_FORM).form("name", "Refused", "version", "0"),
            route("GET", "/admin/indicators", MANAGER_PAGE),
            route("GET", "/admin/indicators/new", MANAGER_PAGE),
            route("POST", "/admin/indicators", MANAGER_FORM).form("code", "REFUSED", "title", "Refused"),
            route("GET", "/admin/indicators/{code}", MANAGER_PAGE).real("code", "MASH-TIMELINESS"),
            route("POST", "/admin/indicators/{code}", MANAGER_FORM).real("code", "MASH-TIMELINESS").form("title", "Refused"),
            route("GET", "/admin/indicators/{code}/figures", MANAGER_PAGE).real("code", "MASH-TIMELINESS"),
            route("POST", "/admin/indicators/{code}/figures", MANAGER_FORM).real("code", "MASH-TIMELINESS")
                    .form("kind", "targets", "period", "2017April", "value", "1"),
            route("POST", "/admin/indicators/{code}/figures/remove", MANAGER_FORM).real("code", "MASH-TIMELINESS")
                    .form("kind", "targets", "period", "2017April"),
            route("GET", "/admin/themes", MANAGER_PAGE),
            route("POST", "/admin/themes", MANAGER_FORM).form("code", "REFUSED", "label", "Refused"),
            route("GET", "/admin/themes/{code}", MANAGER_PAGE).real("code", "NEGLECT"),
            route("POST", "/admin/themes/{code}", MANAGER_FORM).real("code", "NEGLECT").form("label", "Refused"),
            route("GET", "/admin/dhis2", MANAGER_PAGE),
            route("POST", "/admin/dhis2/data-elements", MANAGER_FORM).form("dataElement", "f7n9E0hX8qk", "indicator", "MASH-TIMELINESS"),
            route("POST", "/admin/dhis2/data-elements/remove", MANAGER_FORM).form("dataElement", "f7n9E0hX8qk"),
            route("POST", "/admin/dhis2/org-units", MANAGER_FORM).form("orgUnit", "DiszpKrYNg8", "agency", "CSC"),
            route("POST", "/admin/dhis2/org-units/remove", MANAGER_FORM).form("orgUnit", "DiszpKrYNg8"),
            route("GET", "/agency/{code}/values/{indicator}/{period}", AGENCY_PAGE),
            route("POST", "/agency/{code}/values/{indicator}/{period}", AGENCY_FORM).form("value", "1", "action", "draft"),
            route("GET", "/board/submissions", MANAGER_PAGE),
            route("POST", "/board/submissions/{indicator}/{period}/{agency}/approve", MANAGER_FORM).form("version", "0"),
            route("POST", "/board/submissions/{indicator}/{period}/{agency}/return", MANAGER_FORM).form("version", "0", "reason", "x"),
            route("GET", "/plans", SIGNED_IN_PAGE),
            route("GET", "/plans/{id}", SIGNED_IN_PAGE),
            route("GET", "/actions/{id}", SIGNED_IN_PAGE),
            route("GET", "/actions/{id}/update", SIGNED_IN_PAGE),
            route("POST", "/actions/{id}/update", WRITER_FORM).form("narrative", "Refused", "version", "0"),
            route("GET", "/audits", SIGNED_IN_PAGE),
            route("GET", "/audits/{id}", SIGNED_IN_PAGE),
            route("GET", "/audits/{id}/cases/new", SIGNED_IN_PAGE),
            route("POST", "/audits/{id}/cases/new", WRITER_FORM).form("caseRef", "REF1", "grade", "GOOD"),
            route("GET", "/audits/{id}/findings/new", SIGNED_IN_PAGE),
            route("POST", "/audits/{id}/findings/new", WRITER_FORM).form("text", "Refused", "kind", "STRENGTH"),
            route("GET", "/self-assessment/{assessmentId}/standards/{code}", SIGNED_IN_PAGE).real("code", "S1"),
            route("POST", "/self-assessment/{assessmentId}/standards/{code}", WRITER_FORM).real("code", "S1")
                    .form("rag", "GREEN", "version", "0"),
            route("GET", "/themes", SIGNED_IN_PAGE),
            route("GET", "/themes/{code}", SIGNED_IN_PAGE).real("code", "NEGLECT"),
            route("GET", "/benchmarks", SIGNED_IN_PAGE),
            route("GET", "/benchmarks.csv", SIGNED_IN_PAGE),
            route("GET", "/benchmarks/place", SIGNED_IN_PAGE),
            route("POST", "/benchmarks/place", MANAGER_FORM).form("laCode", "931", "neighbourModel", "2021", "version", "0"),
            route("GET", "/benchmarks/mappings/{code}", BOARD_PAGE).real("code", "MASH-TIMELINESS"),
            route("POST", "/benchmarks/mappings/{code}", MANAGER_FORM).real("code", "MASH-TIMELINESS")
                    .form("measure", "rate_per_10000", "filters", "population_type:All", "targetFrom", "ENGLAND"),
            route("POST", "/benchmarks/mappings/{code}/import", MANAGER_FORM).real("code", "MASH-TIMELINESS")
                    .form(FILE, "time_period,geographic_level\n2024,National\n", "action", "import"),
            route("GET", "/benchmarks/staged", BOARD_PAGE),
            route("POST", "/benchmarks/staged/check", MANAGER_FORM),
            route("POST", "/benchmarks/staged/{id}/approve", MANAGER_FORM),
            route("POST", "/benchmarks/staged/{id}/discard", MANAGER_FORM),
            route("GET", "/reports/learning-and-improvement", BOARD_PAGE),
            route("GET", "/reports/learning-and-improvement.pdf", BOARD_PAGE),
            route("GET", "/reports/learning-and-improvement.docx", BOARD_PAGE),
            route("GET", "/account/reminders", SIGNED_IN_PAGE),
            route("POST", "/account/reminders", OWN_SETTINGS_FORM).form("BOARD_DIGEST", "WEEKLY_DIGEST"),
            route("GET", "/account/password", SIGNED_IN_PAGE),
            route("POST", "/account/password", OWN_ACCOUNT_FORM).form("currentPassword", "not the password",
                    "password", "three random words here", "confirmPassword", "three random words here"),
            route("GET", "/notifications/unsubscribe", SIGNED_LINK),
            route("POST", "/notifications/unsubscribe", SIGNED_LINK).form("List-Unsubscribe", "One-Click"),
            route("GET", "/oauth/login/" + PROVIDER, TO_PROVIDER),
            route("GET", "/oauth/callback/" + PROVIDER, PROVIDER_ANSWER),
            route("POST", "/oauth/callback/" + PROVIDER, PROVIDER_ANSWER).form("code", "made-up", "state", "made-up"),
            route("GET", "/admin/agencies/{code}/sign-in", MANAGER_PAGE),
            route("POST", "/admin/agencies/{code}/sign-in", MANAGER_FORM).form("provider", PROVIDER, "passwordSignIn", "false",
                    "version", ""),
            route("GET", "/admin/users/{username}/sign-in", MANAGER_PAGE),
            route("POST", "/admin/users/{username}/sign-in", MANAGER_FORM).form("subject", "refused-subject"),
            route("POST", "/admin/users/{username}/sign-in/remove", MANAGER_FORM).form("provider", PROVIDER),
            // Issue 19: "Forgotten your password?" answers anyone the same ("check your e-mail"), the link pages
            // refuse a request without a link they issued (400), one's own sessions are one's own (another's or
            // none: 404, the chair's too), and the manager alone sees and ends a user's sessions or re-invites.
            route("GET", "/login/forgotten", ANONYMOUS_PAGE),
            route("POST", "/login/forgotten", new Rule("anyone (reset request: always the same answer)", 200, null, false, null, null))
                    .form("account", "nobody.form"),
            route("GET", "/account/invitation", SIGNED_LINK),
            route("POST", "/account/invitation", SIGNED_LINK).form("password", "refused-password-123", "confirmPassword",
                    "refused-password-123", "username", "manager"),
            route("GET", "/account/reset-password", SIGNED_LINK),
            route("POST", "/account/reset-password", SIGNED_LINK).form("password", "refused-password-123", "confirmPassword",
                    "refused-password-123", "username", "manager"),
            route("GET", "/account/sessions", SIGNED_IN_PAGE),
            route("POST", "/account/sessions/end-others", OWN_SETTINGS_FORM).form("username", "csc.user"),
            route("POST", "/account/sessions/{id}/end", OWN_SESSION_FORM).real("id", "999999").form("username", "csc.user"),
            route("GET", "/admin/users/{username}/sessions", MANAGER_PAGE),
            route("POST", "/admin/users/{username}/sessions/{id}/end", MANAGER_FORM).real("id", "1"),
            route("POST", "/admin/users/{username}/sessions/end-all", MANAGER_FORM),
            route("POST", "/admin/users/{username}/invitation", MANAGER_FORM),
            route("GET", "/admin/outbox", MANAGER_PAGE),
            route("GET", "/admin/outbox/{id}", MANAGER_PAGE).real("id", "1").madeUp("id", "2"),
            route("POST", "/admin/outbox/run", MANAGER_FORM),
            route("POST", "/api/v1/notifications/run", MANAGER_JSON),
            route("GET", "/api/v1/notifications/outbox", MANAGER_JSON),
            // Issue 19, the second factor: the sign-in's second step (no pending sign-in: the sign-in form again, 400),
            // one's own security page (the chair's too), and the manager's reset.
            route("GET", "/login/code", new Rule("anyone (back to the sign-in form)", TO_LOGIN, null, false, null, null)),
            route("POST", "/login/code", new Rule("anyone (second sign-in step; no pending sign-in: 400)", 400, null, false, null, null))
                    .form("code", "123456", "pending", "forged.pending.token", "username", "manager"),
            route("GET", "/account/security", SIGNED_IN_PAGE),
            route("POST", "/account/security/setup", OWN_SETTINGS_FORM),
            route("POST", "/account/security/confirm", OWN_CODE_FORM).form("code", ""),
            route("POST", "/account/security/off", OWN_CODE_FORM).form("offCode", ""),
            route("POST", "/account/security/recovery-codes", OWN_CODE_FORM).form("newCodesCode", ""),
            route("POST", "/admin/users/{username}/second-factor/reset", MANAGER_FORM));

    // ---- forged form fields (issue 14) -------------------------------------------------------------

    /**
     * One forged form post: who posts it, to which path, with which fields (the form's own plus the
     * forged ones), and what must follow: a refusal with {@code status} and no write reaching any
     * service (and the gateway's database unchanged), or exactly the writes {@code sent} ("METHOD
     * path" of the service), each carrying the user's own token, containing every text of
     * {@code carrying} and none of the {@code forged} fields.
     */
    record Forged(String route, String what, String user, String path, Map<String, String> form, int status,
                  List<String> sent, List<String> carrying) {

        Forged sends(int expected, String... writes) {
            return new Forged(route, what, user, path, form, expected, List.of(writes), carrying);
        }

        Forged carrying(String... texts) {
            return new Forged(route, what, user, path, form, status, sent, List.of(texts));
        }

        boolean refused() {
            return sent.isEmpty();
        }
    }

    /** Fields no form of the gateway sends on: they must never reach a service's body. */
    static final Set<String> FORGED_ONLY = Set.of("agencyCode", "leadAgency", "participatingAgencies", "auditId", "actionId",
            "assessmentId", "indicatorCode", "id", "username");

    private static Forged forged(String route, String what, String user, String path, int refusedWith, String... form) {
        return new Forged(route, what, user, path, merge(Map.of(), form), refusedWith, List.of(), List.of());
    }

    private static final String VALUE = "POST /agency/{code}/values/{indicator}/{period}";
    private static final String APPROVE = "POST /board/submissions/{indicator}/{period}/{agency}/approve";
    private static final String RETURN = "POST /board/submissions/{indicator}/{period}/{agency}/return";

    /**
     * The forged posts. A is TVP (tvp.user, tvp.lead), B is CSC; record 1 of each kind is B's, 2 is A's
     * (A's audit 2 has B taking part). Every write route of the router appears here or in
     * {@link #NO_RECORD_FIELDS}.
     */
    static final List<Forged> FORGED = List.of(
            // An agency's value: the agency is the path's (checked against the user), never the form's.
            forged(VALUE, "agency, code, agencyCode = CSC; indicator, period = others, on A's own form", "tvp.user",
                    "/agency/TVP/values/MASH-TIMELINESS/2017April", 0, "value", "1", "action", "draft", "agency", "CSC", "code", "CSC",
                    "agencyCode", "CSC", "indicator", "LAC", "indicatorCode", "LAC", "period", "2016April")
                    .sends(303, "PUT /api/v1/indicators/MASH-TIMELINESS/values/2017April").carrying("\"agency\":\"TVP\""),
            forged(VALUE, "agency = CSC, submitted by A's lead on A's own form", "tvp.lead",
                    "/agency/TVP/values/MASH-TIMELINESS/2017April", 0, "value", "1", "action", "submit", "agency", "CSC", "code", "CSC")
                    .sends(303, "PUT /api/v1/indicators/MASH-TIMELINESS/values/2017April",
                            "POST /api/v1/indicators/MASH-TIMELINESS/values/2017April/submit").carrying("\"agency\":\"TVP\""),
            forged(VALUE, "agency = TVP on B's form", "tvp.user", "/agency/CSC/values/MASH-TIMELINESS/2017April", 404,
                    "value", "1", "action", "draft", "agency", "TVP", "code", "TVP"),
            forged(VALUE, "agency = TVP on B's form, submitted by A's lead", "tvp.lead", "/agency/CSC/values/MASH-TIMELINESS/2017April", 404,
                    "value", "1", "action", "submit", "agency", "TVP"),
            // A progress update: the action is the path's, and only its lead agency's users reach it.
            forged("POST /actions/{id}/update", "leadAgency, agency = CSC; id, actionId = B's 1, on A's own action 2", "tvp.user",
                    "/actions/2/update", 0, "narrative", "Done", "version", "4", "leadAgency", "CSC", "agency", "CSC", "id", "1", "actionId", "1")
                    .sends(303, "POST /api/v1/actions/2/updates"),
            forged("POST /actions/{id}/update", "leadAgency = TVP on B's action 1", "tvp.lead", "/actions/1/update", 404,
                    "narrative", "Done", "version", "4", "leadAgency", "TVP", "agency", "TVP"),
            // A graded case: whose view it is must be the user's own agency (or the joint one, which the service decides).
            forged("POST /audits/{id}/cases/new", "auditId = B's 1; leadAgency, participatingAgencies = TVP, on A's audit 2", "tvp.user",
                    "/audits/2/cases/new", 0, "caseRef", "REF1", "grade", "GOOD", "agency", "TVP", "auditId", "1", "leadAgency", "CSC",
                    "participatingAgencies", "TVP")
                    .sends(303, "POST /api/v1/audits/2/cases").carrying("\"agency\":\"TVP\""),
            forged("POST /audits/{id}/cases/new", "agency = CSC (B's view) on A's audit 2, where B takes part", "tvp.user",
                    "/audits/2/cases/new", 404, "caseRef", "REF1", "grade", "GOOD", "agency", "CSC"),
            forged("POST /audits/{id}/cases/new", "agency = csc (another spelling)", "tvp.lead", "/audits/2/cases/new", 404,
                    "caseRef", "REF1", "grade", "GOOD", "agency", "csc"),
            forged("POST /audits/{id}/cases/new", "participatingAgencies, leadAgency = TVP on B's audit 1", "tvp.lead",
                    "/audits/1/cases/new", 404, "caseRef", "REF1", "grade", "GOOD", "agency", "TVP", "participatingAgencies", "TVP",
                    "leadAgency", "TVP"),
            // A finding: the audit is the path's; "agency concerned" is the service's to judge.
            forged("POST /audits/{id}/findings/new", "auditId = B's 1; leadAgency = CSC, on A's audit 2", "tvp.user",
                    "/audits/2/findings/new", 0, "kind", "STRENGTH", "text", "Good", "agency", "TVP", "auditId", "1", "leadAgency", "CSC",
                    "participatingAgencies", "TVP")
                    .sends(303, "POST /api/v1/audits/2/findings"),
            forged("POST /audits/{id}/findings/new", "participatingAgencies, leadAgency = TVP on B's audit 1", "tvp.lead",
                    "/audits/1/findings/new", 404, "kind", "STRENGTH", "text", "Good", "agency", "TVP", "participatingAgencies", "TVP",
                    "leadAgency", "TVP"),
            // A Section 11 rating: the assessment is the path's, and its agency the user's own.
            forged("POST /self-assessment/{assessmentId}/standards/{code}", "agency = CSC; assessmentId = B's 1; code = S2, on A's own",
                    "tvp.user", "/self-assessment/2/standards/S1", 0, "rag", "GREEN", "version", "2", "agency", "CSC",
                    "assessmentId", "1", "code", "S2")
                    .sends(303, "PUT /api/v1/section11/assessments/2/standards/S1"),
            forged("POST /self-assessment/{assessmentId}/standards/{code}", "agency, assessmentId = A's own, on B's assessment 1",
                    "tvp.lead", "/self-assessment/1/standards/S1", 404, "rag", "GREEN", "version", "2", "agency", "TVP", "assessmentId", "2"),
            // Sign-off: the agency, indicator and period are the path's, which the manager chose on the page.
            forged(APPROVE, "agency = TVP; indicator, period = others", "manager", "/board/submissions/LAC/2017April/CSC/approve", 0,
                    "version", "6", "agency", "TVP", "indicator", "CIN", "period", "2016April")
                    .sends(303, "POST /api/v1/indicators/LAC/values/2017April/approve").carrying("\"agency\":\"CSC\""),
            forged(APPROVE, "agency = TVP (A's own), by A's lead", "tvp.lead", "/board/submissions/LAC/2017April/TVP/approve", 403,
                    "version", "6", "agency", "TVP"),
            forged(RETURN, "agency = TVP; indicator, period = others", "manager", "/board/submissions/LAC/2017April/CSC/return", 0,
                    "version", "6", "reason", "Check", "agency", "TVP", "indicator", "CIN", "period", "2016April")
                    .sends(303, "POST /api/v1/indicators/LAC/values/2017April/return").carrying("\"agency\":\"CSC\""),
            forged(RETURN, "agency = TVP (A's own), by A's lead", "tvp.lead", "/board/submissions/LAC/2017April/TVP/return", 403,
                    "version", "6", "reason", "Check", "agency", "TVP"),
            // The manager's administration: the record is the path's; an agency user is refused even on its own.
            forged("POST /admin/indicators/{code}", "code = LAC in the form", "manager", "/admin/indicators/MASH-TIMELINESS", 0,
                    "code", "LAC", "title", "MASH timeliness", "unit", "PERCENT", "polarity", "HIGHER_IS_BETTER",
                    "frequency", "FINANCIAL_YEAR", "ownerAgency", "CSC", "priority", "1", "tolerancePercent", "10", "version", "3")
                    .sends(303, "PUT /api/v1/indicators/MASH-TIMELINESS").carrying("\"code\":\"MASH-TIMELINESS\""),
            forged("POST /admin/indicators/{code}", "ownerAgency = TVP, by A's lead", "tvp.lead", "/admin/indicators/MASH-TIMELINESS", 403,
                    "code", "MASH-TIMELINESS", "title", "Mine", "ownerAgency", "TVP", "priority", "1", "version", "3"),
            forged("POST /admin/indicators", "ownerAgency = TVP, by A's lead", "tvp.lead", "/admin/indicators", 403,
                    "code", "TVP-OWN", "title", "Mine", "ownerAgency", "TVP", "priority", "1"),
            forged("POST /admin/indicators/{code}/figures", "code, indicator = LAC in the form", "manager",
                    "/admin/indicators/MASH-TIMELINESS/figures", 0, "kind", "TARGET", "period", "2017April", "value", "1", "code", "LAC",
                    "indicator", "LAC")
                    .sends(303, "PUT /api/v1/indicators/MASH-TIMELINESS/targets/2017April"),
            forged("POST /admin/indicators/{code}/figures/remove", "code, indicator = LAC in the form", "manager",
                    "/admin/indicators/MASH-TIMELINESS/figures/remove", 0, "kind", "TARGET", "period", "2017April", "code", "LAC",
                    "indicator", "LAC")
                    .sends(303, "DELETE /api/v1/indicators/MASH-TIMELINESS/targets/2017April"),
            forged("POST /admin/themes/{code}", "code = OTHER in the form", "manager", "/admin/themes/NEGLECT", 0,
                    "label", "Neglect", "active", "true", "code", "OTHER")
                    .sends(303, "PUT /api/v1/themes/NEGLECT"),
            forged("POST /admin/themes", "code = TVP-OWN, by A's lead", "tvp.lead", "/admin/themes", 403, "code", "TVP-OWN", "label", "Mine"),
            forged("POST /admin/themes/{code}", "label, by A's lead", "tvp.lead", "/admin/themes/NEGLECT", 403, "label", "Mine", "code", "NEGLECT"),
            forged("POST /admin/users/{username}", "agencyCode = BOARD, roles = BOARD_MANAGER on A's lead's own account", "tvp.lead",
                    "/admin/users/tvp.lead", 403, "displayName", "Me", "agencyCode", "BOARD", "roles", "BOARD_MANAGER", "version", "0"),
            forged("POST /admin/users", "agencyCode = TVP, roles = AGENCY_LEAD, by A's contributor", "tvp.user", "/admin/users", 403,
                    "username", "tvp.second", "displayName", "Second", "agencyCode", "TVP", "roles", "AGENCY_LEAD",
                    "password", "refused-password-123"),
            forged("POST /admin/users/{username}/enabled", "A's lead's own colleague", "tvp.lead", "/admin/users/tvp.user/enabled", 403,
                    "enabled", "false", "version", "0"),
            forged("POST /admin/users/{username}/password", "A's lead's colleague", "tvp.lead", "/admin/users/tvp.user/password", 403,
                    "password", "refused-password-123"),
            forged("POST /admin/agencies/{code}", "A's own agency, by A's lead", "tvp.lead", "/admin/agencies/TVP", 403,
                    "name", "Renamed", "code", "TVP", "version", "0"),
            // Issue 19: how an agency signs in, and a person's link at a provider, are the manager's alone; which
            // provider a link is at is the person's agency's, never the form's.
            forged("POST /admin/agencies/{code}/sign-in", "A's own agency to a provider, passwords off, by A's lead", "tvp.lead",
                    "/admin/agencies/TVP/sign-in", 403, "provider", PROVIDER, "passwordSignIn", "false", "code", "TVP", "agency", "TVP"),
            forged("POST /admin/users/{username}/sign-in", "A's lead links a subject to their own account", "tvp.lead",
                    "/admin/users/tvp.lead/sign-in", 403, "subject", "mine", "provider", PROVIDER, "username", "tvp.lead"),
            forged("POST /admin/users/{username}/sign-in", "provider = " + PROVIDER + " for B's user, whose agency has none", "manager",
                    "/admin/users/csc.user/sign-in", 400, "subject", "forged-subject", "provider", PROVIDER, "agency", "TVP",
                    "username", "tvp.user"),
            forged("POST /admin/users/{username}/sign-in/remove", "A's lead removes a colleague's link", "tvp.lead",
                    "/admin/users/tvp.user/sign-in/remove", 403, "provider", PROVIDER, "username", "tvp.user"),
            forged("POST /admin/agencies", "code = TVP2, by A's lead", "tvp.lead", "/admin/agencies", 403, "code", "TVP2", "name", "Mine"),
            // DHIS2 identifiers (issue 20): the manager's; an agency's lead mapping B's indicator or A's own agency is refused.
            forged("POST /admin/dhis2/data-elements", "indicator = B's, by A's lead", "tvp.lead", "/admin/dhis2/data-elements", 403,
                    "dataElement", "f7n9E0hX8qk", "indicator", "MASH-TIMELINESS"),
            forged("POST /admin/dhis2/data-elements/remove", "B's indicator's data element, by A's lead", "tvp.lead",
                    "/admin/dhis2/data-elements/remove", 403, "dataElement", "f7n9E0hX8qk"),
            forged("POST /admin/dhis2/org-units", "agency = TVP (A's own), by A's lead", "tvp.lead", "/admin/dhis2/org-units", 403,
                    "orgUnit", "DiszpKrYNg8", "agency", "TVP"),
            forged("POST /admin/dhis2/org-units/remove", "B's org unit, by A's lead", "tvp.lead", "/admin/dhis2/org-units/remove", 403,
                    "orgUnit", "DiszpKrYNg8"),
            // How we compare (issue 16): the indicator is the path's; the place has no record but the partnership's one.
            forged("POST /benchmarks/place", "code, indicator, agency in the form", "manager", "/benchmarks/place", 0,
                    "laCode", "931", "neighbourModel", "2021", "version", "1", "code", "LAC", "indicator", "LAC", "agency", "TVP")
                    .sends(303, "PUT /api/v1/benchmarks/place").carrying("\"laCode\":\"931\""),
            forged("POST /benchmarks/place", "laCode = TVP's, by A's lead", "tvp.lead", "/benchmarks/place", 403,
                    "laCode", "931", "neighbourModel", "2025"),
            forged("POST /benchmarks/mappings/{code}", "code, indicator = LAC in the form", "manager", "/benchmarks/mappings/MASH-TIMELINESS", 0,
                    "measure", "rate_per_10000", "filters", "", "code", "LAC", "indicator", "LAC", "indicatorCode", "LAC")
                    .sends(303, "PUT /api/v1/benchmarks/mappings/MASH-TIMELINESS").carrying("\"measure\":\"rate_per_10000\""),
            forged("POST /benchmarks/mappings/{code}", "a mapping, by A's lead", "tvp.lead", "/benchmarks/mappings/MASH-TIMELINESS", 403,
                    "measure", "rate_per_10000", "code", "MASH-TIMELINESS"),
            forged("POST /benchmarks/mappings/{code}/import", "indicator, measure, filter = others in the form", "manager",
                    "/benchmarks/mappings/MASH-TIMELINESS/import", 0, FILE, "time_period,geographic_level\n2024,National\n",
                    "action", "import", "indicator", "LAC", "measure", "other_column", "filter", "x:y", "dryRun", "true")
                    .sends(303, "POST /api/v1/benchmarks/import?format=ees&indicator=MASH-TIMELINESS&measure=rate_per_10000&dryRun=false"
                            + "&fileName=ees.csv")
                    .carrying("time_period,geographic_level"),
            forged("POST /benchmarks/mappings/{code}/import", "a file, by A's lead", "tvp.lead", "/benchmarks/mappings/MASH-TIMELINESS/import",
                    403, FILE, "time_period\n2024\n", "action", "import"),
            // New versions of EES data sets: the staged version is the path's; the form has nothing but its token.
            forged("POST /benchmarks/staged/{id}/approve", "id = 2, indicator = LAC in the form", "manager", "/benchmarks/staged/1/approve", 0,
                    "id", "2", "indicator", "LAC", "indicatorCode", "LAC", "dataSetVersion", "9.9")
                    .sends(303, "POST /api/v1/benchmarks/staged/1/approve"),
            forged("POST /benchmarks/staged/{id}/approve", "a version, by A's lead", "tvp.lead", "/benchmarks/staged/1/approve", 403,
                    "id", "1"),
            forged("POST /benchmarks/staged/{id}/discard", "id = 2, indicator = LAC in the form", "manager", "/benchmarks/staged/1/discard", 0,
                    "id", "2", "indicator", "LAC", "indicatorCode", "LAC")
                    .sends(303, "POST /api/v1/benchmarks/staged/1/discard"),
            forged("POST /benchmarks/staged/{id}/discard", "a version, by A's contributor", "tvp.user", "/benchmarks/staged/1/discard", 403,
                    "id", "1"),
            // Issue 19: the account whose second factor is reset is the path's; an agency user is refused even on a colleague.
            forged("POST /admin/users/{username}/second-factor/reset", "username = tvp.user, by A's lead", "tvp.lead",
                    "/admin/users/tvp.user/second-factor/reset", 403, "username", "tvp.user"),
            forged("POST /admin/users/{username}/second-factor/reset", "username = manager in the form, by A's contributor",
                    "tvp.user", "/admin/users/csc.user/second-factor/reset", 403, "username", "manager"));

    private static final String OWN_FACTOR = "the signed-in person's own second factor: whose it is is the session's (SecondFactorSignInTest)";

    /** Write routes whose form names no agency, record or parent, with why. */
    static final Map<String, String> NO_RECORD_FIELDS = Map.ofEntries(
            Map.entry("POST /login", "signs in: username and password only"),
            Map.entry("POST /api/v1/auth/token", "signs in: username and password only"),
            Map.entry("POST /logout", "signs the caller out, whoever the form names"),
            Map.entry("POST /benchmarks/staged/check", "checks every mapped data set: the form has nothing but its token"),
            Map.entry("POST /admin/outbox/run", "runs the reminder rules for everyone: the form has nothing but its token"),
            Map.entry("POST /api/v1/notifications/run", "runs the reminder rules for everyone: no body at all"),
            Map.entry("POST /account/password", "the signed-in person's own password: whose it is is the session's"),
            Map.entry("POST /account/reminders", "the signed-in person's own choices: whose they are is the session's (RemindersPageTest forges a username)"),
            Map.entry("POST /notifications/unsubscribe", "whose and which reminder is the signed link's alone (UnsubscribeLinkTest forges and swaps them)"),
            Map.entry("POST /login/code", "whose sign-in it is is the signed pending sign-in's alone (SecondFactorSignInTest forges a username)"),
            Map.entry("POST /account/security/setup", OWN_FACTOR),
            Map.entry("POST /account/security/confirm", OWN_FACTOR),
            Map.entry("POST /account/security/off", OWN_FACTOR),
            Map.entry("POST /account/security/recovery-codes", OWN_FACTOR),
            Map.entry("POST /oauth/callback/" + PROVIDER, "the provider's answer: who signs in is the verified ID token's (AgencyProviderSignInTest)"),
            Map.entry("POST /login/forgotten", "a username or address as typed; the answer is the same for any (AccountLinksByMailTest)"),
            Map.entry("POST /account/invitation", "whose password is set is the link's alone: a username in the form is ignored (the matrix posts one)"),
            Map.entry("POST /account/reset-password", "whose password is set is the link's alone: a username in the form is ignored (the matrix posts one)"),
            Map.entry("POST /account/sessions/end-others", "the signed-in person's own sessions: a username in the form is ignored"),
            Map.entry("POST /account/sessions/{id}/end", "the session must be the signed-in person's: another's id is a 404 (SessionsTest forges one)"),
            Map.entry("POST /admin/users/{username}/sessions/{id}/end", "the user is the path's; a session not theirs is a 404 (SessionsTest)"),
            Map.entry("POST /admin/users/{username}/sessions/end-all", "the user is the path's; the form has nothing but its token"),
            Map.entry("POST /admin/users/{username}/invitation", "the user is the path's; the form has nothing but its token"));

    @Inject
    Router router;
    @Inject
    uk.org.quadrant.gateway.identity.directory.UserAccountRepository userAccounts;
    @Inject
    EmbeddedServer server;
    @Inject
    SigningKeyProvider keys;
    @Inject
    ServiceTokens serviceTokens;
    @Inject
    SessionIds sessionIds;
    @Inject
    CsrfTokens csrfTokens;
    @Inject
    DataSource dataSource;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private RSAKey foreignKey;

    private final ServiceStandIn indicators = new ServiceStandIn();
    private final ServiceStandIn audits = new ServiceStandIn();
    private final ServiceStandIn actions = new ServiceStandIn();

    /** Issue 19: an agency's OpenID Connect provider, so the sign-in routes through one are in the router. */
    private final MockOAuth2Server provider = new MockOAuth2Server();

    @Override
    public Map<String, String> getProperties() {
        provider.start();
        return Map.of("micronaut.http.services.indicators.url", indicators.url(),
                "micronaut.http.services.audits.url", audits.url(),
                "micronaut.http.services.actions.url", actions.url(),
                "quadrant.downstream.timeout", "PT2S",
                "micronaut.security.oauth2.clients." + PROVIDER + ".client-id", "quadrant",
                "micronaut.security.oauth2.clients." + PROVIDER + ".client-secret", "matrix-secret",
                "micronaut.security.oauth2.clients." + PROVIDER + ".openid.issuer", provider.issuerUrl(PROVIDER).toString());
    }

    @BeforeAll
    void keys() throws JOSEException {
        foreignKey = new RSAKeyGenerator(2048).keyID(keys.privateKey().getKeyID()).generate();
    }

    /** One record of B (CSC, id 1) and one of A (TVP, id 2) of each kind; every write is accepted. */
    @BeforeAll
    void standIns() {
        for (String[] r : new String[][] {{"1", "CSC"}, {"2", "TVP"}}) {
            actions.on("GET /api/v1/actions/" + r[0], "{\"id\":" + r[0] + ",\"ref\":\"A-" + r[0] + "\",\"action\":\"An action\","
                    + "\"leadAgency\":\"" + r[1] + "\",\"status\":\"IN_PROGRESS\",\"delivery\":\"ON_TRACK\",\"dueDate\":\"2018-03-31\","
                    + "\"updatedBy\":\"manager\",\"version\":4}");
            actions.on("POST /api/v1/actions/" + r[0] + "/updates", 201, "{\"id\":99}");
            // B's audit has B alone; A's audit is led by A with B taking part.
            String participants = r[1].equals("CSC") ? "[\"CSC\"]" : "[\"TVP\",\"CSC\"]";
            audits.on("GET /api/v1/audits/" + r[0], "{\"id\":" + r[0] + ",\"type\":\"MULTI_AGENCY_CASE_AUDIT\",\"title\":\"An audit\","
                    + "\"leadAgency\":\"" + r[1] + "\",\"participatingAgencies\":" + participants + ",\"status\":\"IN_PROGRESS\","
                    + "\"gradingScale\":\"OFSTED\",\"version\":1}");
            audits.on("POST /api/v1/audits/" + r[0] + "/cases", 201, "{\"id\":5}");
            audits.on("POST /api/v1/audits/" + r[0] + "/findings", 201, "{\"id\":6}");
            audits.on("GET /api/v1/section11/assessments/" + r[0], "{\"id\":" + r[0] + ",\"agency\":\"" + r[1] + "\",\"cycle\":\"2018April\","
                    + "\"standards\":[{\"code\":\"S1\",\"title\":\"Accountability\",\"rag\":\"AMBER\",\"version\":2}]}");
            audits.on("PUT /api/v1/section11/assessments/" + r[0] + "/standards/S1", "{\"id\":" + r[0] + "}");
        }
        audits.on("GET /api/v1/grading-scales", "[{\"code\":\"OFSTED\",\"name\":\"Ofsted\",\"grades\":[\"GOOD\",\"INADEQUATE\"]}]");
        audits.on("GET /api/v1/themes", "[{\"code\":\"NEGLECT\",\"label\":\"Neglect\",\"active\":true}]");
        audits.on("GET /api/v1/themes/NEGLECT", "{\"code\":\"NEGLECT\",\"label\":\"Neglect\",\"active\":true,\"version\":1}");
        audits.on("PUT /api/v1/themes/NEGLECT", "{\"code\":\"NEGLECT\",\"label\":\"Neglect\",\"active\":true,\"version\":2}");
        String indicator = "/api/v1/indicators/MASH-TIMELINESS";
        indicators.on("GET " + indicator, "{\"code\":\"MASH-TIMELINESS\",\"title\":\"MASH timeliness\",\"unit\":\"PERCENT\","
                + "\"polarity\":\"HIGHER_IS_BETTER\",\"frequency\":\"FINANCIAL_YEAR\",\"ownerAgency\":\"CSC\",\"priority\":1,"
                + "\"tolerancePercent\":10,\"published\":true,\"active\":true,\"version\":3}");
        indicators.on("PUT " + indicator, "{\"code\":\"MASH-TIMELINESS\",\"version\":4}");
        indicators.on("PUT " + indicator + "/values/2017April", "{\"status\":\"DRAFT\",\"version\":1}");
        indicators.on("POST " + indicator + "/values/2017April/submit", "{\"status\":\"SUBMITTED\",\"version\":2}");
        indicators.on("PUT " + indicator + "/targets/2017April", "{\"value\":1,\"periodLabel\":\"2017/18\"}");
        indicators.on("DELETE " + indicator + "/targets/2017April", ServiceStandIn.Answer.empty(204));
        indicators.on("GET " + indicator + "/targets", "[]");
        indicators.on("GET " + indicator + "/baselines", "[]");
        indicators.on("GET " + indicator + "/benchmarks", "[]");
        indicators.on("GET /api/v1/submissions*", "{\"agencies\":[]}");
        indicators.on("GET /api/v1/benchmarks/place", "{\"laCode\":\"931\",\"laName\":\"Oxfordshire\",\"neighbourModel\":\"2025\","
                + "\"neighbours\":[],\"version\":1,\"updatedBy\":\"manager\"}");
        indicators.on("PUT /api/v1/benchmarks/place", "{\"laCode\":\"931\",\"neighbourModel\":\"2021\",\"version\":2}");
        indicators.on("GET /api/v1/benchmarks/mappings/MASH-TIMELINESS", "{\"indicator\":\"MASH-TIMELINESS\",\"measure\":\"rate_per_10000\","
                + "\"filters\":[],\"version\":1,\"updatedBy\":\"manager\"}");
        indicators.on("PUT /api/v1/benchmarks/mappings/MASH-TIMELINESS", "{\"indicator\":\"MASH-TIMELINESS\",\"measure\":\"rate_per_10000\","
                + "\"filters\":[],\"version\":2}");
        indicators.on("POST /api/v1/benchmarks/import", "{\"imported\":1,\"valid\":1,\"geographies\":1,\"periods\":[\"2024April\"],"
                + "\"suppressed\":0,\"dryRun\":false,\"errors\":[]}");
        indicators.on("GET /api/v1/benchmarks/staged", "[{\"id\":1,\"indicator\":\"MASH-TIMELINESS\",\"dataSetId\":\"ds-1\","
                + "\"dataSetVersion\":\"2.1\",\"status\":\"STAGED\",\"valuesChanging\":12,\"errors\":[]}]");
        indicators.on("POST /api/v1/benchmarks/staged/check", "{\"checked\":1,\"staged\":[],\"failures\":[]}");
        indicators.on("POST /api/v1/benchmarks/staged/1/approve", "{\"imported\":12,\"geographies\":1,\"suppressed\":0,\"errors\":[]}");
        indicators.on("POST /api/v1/benchmarks/staged/1/discard", "{\"id\":1,\"indicator\":\"MASH-TIMELINESS\",\"dataSetId\":\"ds-1\","
                + "\"dataSetVersion\":\"2.1\",\"status\":\"DISCARDED\",\"valuesChanging\":12,\"errors\":[]}");
        indicators.on("POST /api/v1/indicators/LAC/values/2017April/approve", "{\"status\":\"APPROVED\"}");
        indicators.on("POST /api/v1/indicators/LAC/values/2017April/return", "{\"status\":\"RETURNED\"}");
    }

    @AfterAll
    void stopStandIns() {
        provider.shutdown();
        indicators.close();
        audits.close();
        actions.close();
    }

    private List<ServiceStandIn> services() {
        return List.of(indicators, audits, actions);
    }

    private void forgetRequests() {
        services().forEach(ServiceStandIn::clear);
    }

    /** Every write the services received since {@link #forgetRequests()}, as "METHOD path?query". */
    private List<ServiceStandIn.Request> serviceWrites() {
        List<ServiceStandIn.Request> writes = new ArrayList<>();
        services().forEach(s -> writes.addAll(s.writes()));
        return writes;
    }

    // ---- sessions --------------------------------------------------------------------------------

    private String session(String username, String agency, String role, RSAKey key, String issuer, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(username).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(10))).notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plus(ttl))).claim("name", username).claim("agency", agency)
                .claim("roles", List.of(role)).claim("sid", UUID.randomUUID().toString())
                // The account's current session generation, as the gateway mints it: a route that moves it on
                // ("sign out of all other sessions", issue 19) does not sign the next case's caller out.
                .claim("sva", generation(username)).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private long generation(String username) {
        return userAccounts.findByUsername(username).map(u -> u.sessionsValidAfter() == null ? 0L : u.sessionsValidAfter().toEpochMilli())
                .orElse(0L);
    }

    /** A session of the gateway's own key for a current account, but carrying the service token's {@code svc} mark. */
    private String serviceMarked(String username, String agency, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("quadrant-gateway").subject(username).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(10))).notBeforeTime(Date.from(now.minusSeconds(10)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).claim("name", username).claim("agency", agency)
                .claim("roles", List.of(role)).claim("sid", UUID.randomUUID().toString()).claim(ServiceTokens.SERVICE_CLAIM, true).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.privateKey().getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(keys.privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String valid(String username, String agency, String role) {
        return session(username, agency, role, keys.privateKey(), "quadrant-gateway", Duration.ofMinutes(15));
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    record Res(int status, String location, String contentType, String body) {
        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location) + " " + contentType + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private Res send(String method, String path, String session, Map<String, String> form) {
        try {
            boolean json = path.startsWith("/api/") || path.startsWith("/.well-known");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(20))
                    .header("Accept", json ? "application/json" : "text/html, */*;q=0.1");
            // Signed in: the session's own CSRF token (issue 14); otherwise the pre-session double-submit pair.
            String csrf = session == null ? CSRF : sessionIds.of(session).map(csrfTokens::forSession).orElse(CSRF);
            StringBuilder cookies = new StringBuilder("quadrant_csrf=" + CSRF);
            if (session != null) {
                cookies.append("; quadrant_session=").append(session);
            }
            b.header("Cookie", cookies.toString());
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            if (method.equals("POST") && json) {
                b.header("Content-Type", "application/json");
                body = HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody.api\",\"password\":\"wrong\"}");
            } else if (method.equals("POST") && form.containsKey(FILE)) {
                String boundary = "matrix-" + UUID.randomUUID();
                StringBuilder multipart = new StringBuilder();
                Map<String, String> fields = new LinkedHashMap<>(form);
                fields.put("csrfToken", csrf);
                fields.forEach((name, value) -> multipart.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(name).append('"')
                        .append(name.equals(FILE) ? "; filename=\"ees.csv\"\r\nContent-Type: text/csv" : "").append("\r\n\r\n")
                        .append(value).append("\r\n"));
                multipart.append("--").append(boundary).append("--\r\n");
                b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                body = HttpRequest.BodyPublishers.ofString(multipart.toString());
            } else if (method.equals("POST")) {
                Map<String, String> fields = new LinkedHashMap<>(form);
                fields.put("csrfToken", csrf);
                b.header("Content-Type", "application/x-www-form-urlencoded");
                body = HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
            }
            HttpResponse<String> r = client.send(b.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertStatus(int expected, Res res, String what) {
        if (expected == TO_LOGIN) {
            assertTrue(res.status() == 302 || res.status() == 303, () -> what + ": expected a redirect to /login, got " + res);
            assertTrue(res.location() != null && res.location().startsWith("/login"), () -> what + ": redirected elsewhere: " + res);
        } else {
            assertEquals(expected, res.status(), () -> what + " -> " + res);
        }
    }

    // ---- database --------------------------------------------------------------------------------

    /** A fingerprint of every table of the gateway's schema (the isolation matrix's). */
    private String snapshot() {
        return new Matrix.Db(dataSource, table -> false).snapshot();
    }

    // ---- the tests -------------------------------------------------------------------------------

    @Test
    void theTableListsEveryRouteOfTheRouterAndNoOther() {
        Matrix.assertRoutesListed(router, TABLE.stream().map(Route::key).toList());
    }

    @TestFactory
    List<DynamicNode> everyRouteForEveryCaller() {
        Set<String> routes = Matrix.routerRoutes(router);
        List<Route> all = new ArrayList<>();
        for (Route route : TABLE) {
            all.add(route);
            if (route.method().equals("GET") && routes.contains("HEAD " + route.template())) {
                all.add(new Route("HEAD", route.template(), route.rule(), route.real(), route.madeUp(), route.form()));
            }
        }
        List<DynamicNode> containers = new ArrayList<>();
        for (Route route : all) {
            Rule rule = route.rule();
            List<DynamicTest> cases = new ArrayList<>();
            cases.add(check(route, "no session", () -> null, route.real(), rule.anonymous()));
            // (Not on the sign-in routes: they take no session, and repeated failures there are throttled.)
            if (rule.anonymous() == TO_LOGIN || rule == SIGNED_IN_JSON) {
                cases.add(check(route, "expired session", () -> session("manager", "BOARD", "BOARD_MANAGER",
                        keys.privateKey(), "quadrant-gateway", Duration.ofMinutes(-5)), route.real(), rule.anonymous()));
                cases.add(check(route, "session signed by another key", () -> session("manager", "BOARD", "BOARD_MANAGER",
                        foreignKey, "quadrant-gateway", Duration.ofMinutes(15)), route.real(), rule.anonymous()));
                cases.add(check(route, "session of another issuer", () -> session("manager", "BOARD", "BOARD_MANAGER",
                        keys.privateKey(), "someone-else", Duration.ofMinutes(15)), route.real(), rule.anonymous()));
                // Issue 18: the gateway's own service token is for the services; here it signs nobody in, nor does
                // its mark on a session that is otherwise the manager's own.
                cases.add(check(route, "the gateway's service token", serviceTokens::token, route.real(), rule.anonymous()));
                cases.add(check(route, "the manager's session marked svc", () -> serviceMarked("manager", "BOARD", "BOARD_MANAGER"),
                        route.real(), rule.anonymous()));
            }
            if (rule.otherAgency() != null) {
                for (String who : List.of("tvp.user", "tvp.lead")) {
                    String role = who.endsWith(".lead") ? "AGENCY_LEAD" : "AGENCY_CONTRIBUTOR";
                    cases.add(check(route, "A's " + who + " on B's", () -> valid(who, "TVP", role), route.real(), rule.otherAgency()));
                    if (rule.madeUpSame() && !route.real().equals(route.madeUp())) {
                        cases.add(check(route, "A's " + who + " on a made-up one (same as B's)", () -> valid(who, "TVP", role),
                                route.madeUp(), rule.otherAgency()));
                    }
                }
            }
            if (rule.chair() != null || route.isWrite() && rule.anonymous() == TO_LOGIN) {
                cases.add(check(route, "the chair", () -> valid("chair", "BOARD", "BOARD_CHAIR"), route.real(),
                        rule.chair() == null ? 403 : rule.chair()));
            }
            if (rule.ownAgency() != null) {
                cases.add(check(route, "B's own csc.user", () -> valid("csc.user", "CSC", "AGENCY_CONTRIBUTOR"), route.real(),
                        rule.ownAgency()));
            }
            containers.add(DynamicContainer.dynamicContainer(route.key() + " [" + rule.name() + "]", cases));
        }
        return containers;
    }

    private DynamicTest check(Route route, String who, Supplier<String> session, Map<String, String> vars, int expected) {
        String shown = expected == TO_LOGIN ? "redirect to /login" : String.valueOf(expected);
        return DynamicTest.dynamicTest(who + " -> " + shown, () -> {
            String path = expand(route.template(), vars);
            boolean guarded = route.isWrite() && route.rule() == MANAGER_FORM;
            String before = guarded ? snapshot() : null;
            forgetRequests();
            Res res = send(route.method(), path, session.get(), route.form());
            assertStatus(expected, res, who + ": " + route.method() + " " + path);
            assertFalse(res.body().contains("Exception") || res.body().contains("\tat "), () -> "a stack trace: " + res);
            if (before != null) {
                assertEquals(before, snapshot(), () -> who + ": " + route.method() + " " + path + " refused but the database changed");
            }
            if (route.isWrite()) {
                // Every write of the table is refused (or signs in or out): none may reach a service.
                assertEquals(List.of(), serviceWrites().stream().map(ServiceStandIn.Request::line).toList(),
                        () -> who + ": " + route.method() + " " + path + " -> " + res.status() + " but a service was asked to write");
            }
        });
    }

    @Test
    void everyWriteRouteIsForgedOrNamesNoRecord() {
        Set<String> writes = Matrix.routerRoutes(router).stream().filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD ")
                && !r.startsWith("OPTIONS ")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> forgedRoutes = FORGED.stream().map(Forged::route).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(writes);
        missing.removeAll(forgedRoutes);
        missing.removeAll(NO_RECORD_FIELDS.keySet());
        Set<String> stale = new TreeSet<>(forgedRoutes);
        stale.addAll(NO_RECORD_FIELDS.keySet());
        stale.removeAll(writes);
        if (!missing.isEmpty() || !stale.isEmpty()) {
            fail("write routes with no forged form (add lines to FORGED, or to NO_RECORD_FIELDS saying why):\n  "
                    + String.join("\n  ", missing) + "\nforged routes the router does not have:\n  " + String.join("\n  ", stale));
        }
    }

    private String sessionOf(String user) {
        return switch (user) {
            case "manager" -> valid("manager", "BOARD", "BOARD_MANAGER");
            case "tvp.user" -> valid("tvp.user", "TVP", "AGENCY_CONTRIBUTOR");
            case "tvp.lead" -> valid("tvp.lead", "TVP", "AGENCY_LEAD");
            default -> throw new IllegalArgumentException(user);
        };
    }

    @TestFactory
    List<DynamicNode> forgedFormFieldsNeverRedirectAWrite() {
        Map<String, List<DynamicTest>> byRoute = new TreeMap<>();
        for (Forged f : FORGED) {
            String name = f.user() + ": " + f.what() + " -> " + (f.refused() ? f.status() + ", nothing sent" : String.join(" + ", f.sent()));
            byRoute.computeIfAbsent(f.route(), k -> new ArrayList<>()).add(DynamicTest.dynamicTest(name, () -> {
                String session = sessionOf(f.user());
                String before = f.refused() ? snapshot() : null;
                forgetRequests();
                Res res = send("POST", f.path(), session, f.form());
                assertFalse(res.body().contains("Exception") || res.body().contains("\tat "), () -> "a stack trace: " + res);
                List<ServiceStandIn.Request> writes = serviceWrites();
                if (f.refused()) {
                    assertEquals(f.status(), res.status(), () -> name + ": POST " + f.path() + " -> " + res);
                    assertEquals(List.of(), writes.stream().map(ServiceStandIn.Request::line).toList(),
                            () -> name + ": refused, but a service was asked to write");
                    assertEquals(before, snapshot(), () -> name + ": refused, but the gateway's database changed");
                    return;
                }
                assertEquals(f.status(), res.status(), () -> name + ": POST " + f.path() + " -> " + res);
                assertEquals(f.sent(), writes.stream().map(ServiceStandIn.Request::line).toList(), () -> name + ": the writes sent");
                for (ServiceStandIn.Request w : writes) {
                    assertEquals("Bearer " + session, w.authorization(), () -> name + ": " + w.line() + " not sent with the user's own token");
                    String body = w.body() == null ? "" : w.body();
                    for (String text : f.carrying()) {
                        assertTrue(body.contains(text), () -> name + ": " + w.line() + " does not carry " + text + ": " + body);
                    }
                    for (String field : FORGED_ONLY) {
                        assertFalse(body.contains("\"" + field + "\""), () -> name + ": " + w.line() + " carries the forged field "
                                + field + ": " + body);
                    }
                }
            }));
        }
        List<DynamicNode> nodes = new ArrayList<>();
        byRoute.forEach((route, cases) -> nodes.add(DynamicContainer.dynamicContainer(route + " [forged form fields]", cases)));
        return nodes;
    }

    /** The API pass-through is a filter, not a route: bearer tokens only, like the services. */
    @TestFactory
    List<DynamicNode> apiPassThroughNeedsAValidBearerToken() {
        List<DynamicTest> cases = new ArrayList<>();
        String path = "/api/indicators/v1/indicators";
        Map<String, Supplier<String>> bad = new LinkedHashMap<>();
        bad.put("no token", () -> null);
        bad.put("expired token", () -> session("manager", "BOARD", "BOARD_MANAGER", keys.privateKey(), "quadrant-gateway",
                Duration.ofMinutes(-5)));
        bad.put("token signed by another key", () -> session("manager", "BOARD", "BOARD_MANAGER", foreignKey, "quadrant-gateway",
                Duration.ofMinutes(15)));
        bad.put("token of another issuer", () -> session("manager", "BOARD", "BOARD_MANAGER", keys.privateKey(), "someone-else",
                Duration.ofMinutes(15)));
        bad.put("the gateway's service token", serviceTokens::token);
        for (var e : bad.entrySet()) {
            cases.add(DynamicTest.dynamicTest(e.getKey() + " -> 401", () -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", "application/json");
                String token = e.getValue().get();
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                forgetRequests();
                HttpResponse<String> r = client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, r.statusCode(), r::body);
                assertEquals(List.of(), services().stream().flatMap(s -> s.received().stream()).map(ServiceStandIn.Request::line)
                        .toList(), "nothing is passed on");
            }));
        }
        return List.of(DynamicContainer.dynamicContainer("GET " + path + " (pass-through filter)", cases));
    }

    /** Spellings of another agency's area, the board's and the manager's pages do not slip past. */
    @TestFactory
    List<DynamicNode> pathVariantsDoNotSlipPast() {
        List<DynamicNode> nodes = new ArrayList<>();
        String tvp = valid("tvp.user", "TVP", "AGENCY_CONTRIBUTOR");
        for (String canonical : List.of("/agency/CSC", "/board", "/admin/users", "/admin/users/csc.user")) {
            Res reference = send("GET", canonical, tvp, Map.of());
            List<DynamicTest> cases = new ArrayList<>();
            for (var v : variants(canonical).entrySet()) {
                cases.add(DynamicTest.dynamicTest(v.getKey() + ": " + v.getValue(), () -> {
                    Res res = send("GET", v.getValue(), tvp, Map.of());
                    assertTrue(Set.of(400, 403, 404, 405).contains(res.status())
                                    || (res.status() == 301 || res.status() == 302 || res.status() == 303 || res.status() == 308)
                                    && !canonical.equals(res.location()) && res.location() != null && !res.location().startsWith(canonical),
                            () -> "TVP " + v.getValue() + " (canonical " + canonical + " -> " + reference.status() + ") -> " + res);
                    assertFalse(res.body().contains("Children's Social Care") || res.body().contains("Children&#39;s Social Care"),
                            () -> "CSC's area leaked through " + v.getValue() + ": " + res);
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer("TVP on " + canonical + " (canonical " + reference.status() + ")", cases));
        }
        return nodes;
    }

    static Map<String, String> variants(String path) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("trailing slash", path + "/");
        v.put("double leading slash", "/" + path);
        v.put("double inner slash", path.replaceFirst("/([^/]+)$", "//$1"));
        v.put("dot-dot detour", path.replaceFirst("/([^/]+)$", "/x/../$1"));
        v.put("dot segment", path.replaceFirst("/([^/]+)$", "/./$1"));
        v.put("encoded dot-dot detour", path.replaceFirst("/([^/]+)$", "/x/%2e%2e/$1"));
        v.put("encoded slash", path.replaceFirst("/([^/]+)$", "/%2F$1"));
        v.put("upper-case path", path.toUpperCase());
        v.put("lower-case path", path.toLowerCase());
        v.put("capitalised first segment", "/" + Character.toUpperCase(path.charAt(1)) + path.substring(2));
        v.put("semicolon parameter", path + ";x=1");
        return v;
    }
}
