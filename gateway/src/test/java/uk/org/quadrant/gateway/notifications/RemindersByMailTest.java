package uk.org.quadrant.gateway.notifications;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.org.quadrant.common.testing.standin.ServiceStandIn;
import uk.org.quadrant.gateway.support.Browserless;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, end to end inside one gateway: the services are stand-ins over real HTTP answering what the
 * agencies owe as at 15 May 2018; a real SMTP server (GreenMail) receives what one
 * {@code POST /api/v1/notifications/run} sends. Each kind of reminder reaches exactly the right demo
 * users, none carries another agency's data, a second run sends nothing, the services were read with
 * the gateway's service token, and the manager sees it all in the outbox.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersByMailTest extends MailTestBase {


    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("quadrant.notifications.transport", "smtp");
        p.put("quadrant.notifications.smtp.from", "Quadrant <quadrant@partnership.example.org>");
        p.put("quadrant.notifications.board-meetings", "2018-05-21, 2018-07-16");
        p.put("quadrant.public-url", "https://quadrant.example.org");
        return p;
    }

    /** What the agencies owe: CSC a missing value, a draft and a returned one; TVP a missing one; three actions. */
    static void stubOwed(ServiceStandIn indicators, ServiceStandIn actions) {
        indicators.on("GET /api/v1/submissions?period=2017April", 200, """
                {"period":"2017April","periodLabel":"2017/18","agencies":[
                  {"agency":"CSC","due":4,"missing":1,"draft":1,"submitted":0,"approved":1,"returned":1,"items":[
                    {"code":"MASH-TIMELINESS","title":"MASH decisions within 24 hours","status":"MISSING"},
                    {"code":"LAC","title":"Looked-after children","status":"DRAFT","version":2},
                    {"code":"CP-REPEAT","title":"Repeat child protection plans","status":"RETURNED","version":3},
                    {"code":"CIN","title":"Children in need","status":"APPROVED"}]},
                  {"agency":"TVP","due":1,"missing":1,"draft":0,"submitted":0,"approved":0,"returned":0,"items":[
                    {"code":"POLICE-DA","title":"Police domestic abuse notifications","status":"MISSING"}]}]}""");
        for (String p : List.of("201804", "2017AprilQ4", "2016Sep", "2017", "2018Q1")) {
            indicators.on("GET /api/v1/submissions?period=" + p, 200, "{\"period\":\"" + p + "\",\"periodLabel\":\"x\",\"agencies\":[]}");
        }
        indicators.on("GET /api/v1/indicators/CP-REPEAT/values/2017April?agency=CSC", 200, """
                {"indicatorCode":"CP-REPEAT","period":"2017April","agency":"CSC","value":31,"status":"RETURNED",
                 "returnReason":"Figure double counts transfers in","updatedBy":"csc.user","version":3}""");
        indicators.on("GET /api/v1/indicators/LAC/values/2017April?agency=CSC", 200, """
                {"indicatorCode":"LAC","period":"2017April","agency":"CSC","value":812,"status":"DRAFT",
                 "updatedBy":"csc.user","version":2}""");
        actions.on("GET /api/v1/actions", 200, """
                [{"id":7,"planId":1,"ref":"JTAI-3","issue":"i","action":"Audit strategy discussions","leadAgency":"CSC",
                  "status":"IN_PROGRESS","delivery":"OVERDUE","dueDate":"2018-03-31","lastUpdateAt":"2018-05-01T10:00:00Z","version":4},
                 {"id":9,"planId":1,"ref":"CJ-2","issue":"i","action":"Stale action with no recent update","leadAgency":"CSC",
                  "status":"NOT_STARTED","delivery":"ON_TRACK","dueDate":"2019-03-31","lastUpdateAt":null,"version":0},
                 {"id":12,"planId":1,"ref":"DA-1","issue":"i","action":"Police referrals to MARAC","leadAgency":"TVP",
                  "status":"IN_PROGRESS","delivery":"AT_RISK","dueDate":"2018-06-30","lastUpdateAt":"2018-05-02T10:00:00Z","version":2},
                 {"id":10,"planId":1,"ref":"CJ-3","issue":"i","action":"Completed action","leadAgency":"CSC",
                  "status":"COMPLETED","delivery":"COMPLETED","dueDate":"2018-01-31","lastUpdateAt":null,"version":2}]""");
    }

    private String managerBearer() {
        return bearerOf(signedIn("manager"));
    }

    @Test
    @Order(1)
    void oneRunDeliversEachKindOfReminderToTheRightPeopleAndNobodyElse() throws Exception {
        stubOwed(indicators, actions);
        HttpResponse<Map<String, Object>> ran = http.toBlocking().exchange(HttpRequest.POST("/api/v1/notifications/run", "")
                .header("Authorization", apiToken("manager")), Argument.mapOf(String.class, Object.class));
        assertEquals(200, ran.code());
        Map<String, Object> result = ran.body();
        assertEquals(12, ((Number) result.get("queued")).intValue(), result.toString());
        assertEquals(12, ((Number) result.get("sent")).intValue(), result.toString());
        assertEquals(0, ((Number) result.get("failed")).intValue(), result.toString());

        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Set<String>> subjectsByRecipient = new TreeMap<>();
        for (MimeMessage m : received) {
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                subjectsByRecipient.computeIfAbsent(to.toString(), k -> new TreeSet<>()).add(m.getSubject());
            }
        }
        assertEquals(Set.of("csc.user@example.org", "csc.lead@example.org", "tvp.user@example.org", "tvp.lead@example.org",
                "manager@example.org", "chair@example.org"), subjectsByRecipient.keySet(), subjectsByRecipient.toString());
        assertEquals(Set.of("Late: 2 values for 2017/18 from Children's Social Care",
                        "Returned for correction: Repeat child protection plans (2017/18)"),
                subjectsByRecipient.get("csc.user@example.org"));
        assertEquals(Set.of("Late: 2 values for 2017/18 from Children's Social Care",
                        "Returned for correction: Repeat child protection plans (2017/18)",
                        "Ready to check and submit: Looked-after children (2017/18)",
                        "Action JTAI-3 is overdue",
                        "Action CJ-2 needs a progress update"),
                subjectsByRecipient.get("csc.lead@example.org"));
        assertEquals(Set.of("Late: 1 value for 2017/18 from Thames Valley Police"), subjectsByRecipient.get("tvp.user@example.org"));
        assertEquals(Set.of("Late: 1 value for 2017/18 from Thames Valley Police", "Action DA-1 is at risk"),
                subjectsByRecipient.get("tvp.lead@example.org"));
        assertEquals(Set.of("Monthly digest: what is outstanding, May 2018"), subjectsByRecipient.get("manager@example.org"));
        assertEquals(Set.of("Before the board meeting on 21 May 2018: what is outstanding"), subjectsByRecipient.get("chair@example.org"));

        for (MimeMessage m : received) {
            String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
            String text = MailParts.part(m, "text/plain");
            String html = MailParts.part(m, "text/html");
            assertNotNull(text, m.getSubject());
            assertNotNull(html, m.getSubject());
            assertEquals("Quadrant <quadrant@partnership.example.org>", m.getFrom()[0].toString());
            assertFalse(html.toLowerCase().contains("<img"), "no images, no tracking pixels: " + m.getSubject());
            assertTrue(text.contains("https://quadrant.example.org/"), "absolute links: " + text);
            // An agency's reminder never carries another agency's data.
            if (to.startsWith("csc.")) {
                for (String other : List.of("Police domestic abuse", "POLICE-DA", "Thames Valley", "DA-1", "MARAC")) {
                    assertFalse(text.contains(other) || html.contains(other), to + " got " + other + ": " + text);
                }
            }
            if (to.startsWith("tvp.")) {
                for (String other : List.of("MASH", "Looked-after", "Repeat child protection", "JTAI-3", "CJ-2", "Children's Social Care")) {
                    assertFalse(text.contains(other) || html.contains(other), to + " got " + other + ": " + text);
                }
            }
            if (!to.startsWith("manager") && !to.startsWith("chair")) {
                assertNotNull(m.getHeader("List-Unsubscribe"), "one-click unsubscribe on " + m.getSubject());
                assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
                assertTrue(text.contains("https://quadrant.example.org/notifications/unsubscribe?t="), text);
            }
        }
        MimeMessage returned = find(received, "csc.user@example.org", "Returned for correction");
        assertTrue(MailParts.part(returned, "text/plain").contains("Their reason: Figure double counts transfers in"));
        assertTrue(MailParts.part(returned, "text/plain").contains("https://quadrant.example.org/agency/CSC/values/CP-REPEAT/2017April"));
        MimeMessage late = find(received, "csc.lead@example.org", "Late:");
        String lateText = MailParts.part(late, "text/plain");
        assertTrue(lateText.contains("MASH decisions within 24 hours") && lateText.contains("Looked-after children"), lateText);
        assertFalse(lateText.contains("Repeat child protection"), "a returned value has its own message: " + lateText);
        assertTrue(lateText.contains("weekly digest instead"), "statutory returns' reminders cannot be switched off: " + lateText);
        String digest = MailParts.part(find(received, "manager@example.org", "Monthly digest"), "text/plain");
        assertTrue(digest.contains("Children's Social Care") && digest.contains("2 returns owed (2 late)")
                && digest.contains("1 returned for correction") && digest.contains("2 actions need an update"), digest);
        assertTrue(digest.contains("Thames Valley Police") && digest.contains("1 return owed (1 late)"), digest);

        // Every service call was made with the gateway's own service token, never a user's.
        for (ServiceStandIn service : List.of(indicators, actions)) {
            assertFalse(service.received().isEmpty());
            for (ServiceStandIn.Request r : service.received()) {
                String claims = claims(r.authorization());
                assertTrue(claims.contains("\"sub\":\"service:quadrant-gateway\"") && claims.contains("SERVICE_READER"), claims);
            }
        }
    }

    @Test
    @Order(2)
    void aSecondRunSendsNothingNew() {
        stubOwed(indicators, actions);
        int before = smtp.getReceivedMessages().length;
        Map<String, Object> result = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/notifications/run", "")
                .header("Authorization", apiToken("manager")), Argument.mapOf(String.class, Object.class));
        assertEquals(0, ((Number) result.get("queued")).intValue(), result.toString());
        assertEquals(0, ((Number) result.get("sent")).intValue(), result.toString());
        assertEquals(before, smtp.getReceivedMessages().length);
    }

    @Test
    @Order(3)
    void theManagerReadsTheOutboxThroughTheApiAndThePage() {
        HttpResponse<List<Map<String, Object>>> page = http.toBlocking().exchange(HttpRequest.GET("/api/v1/notifications/outbox?page=0&size=5")
                .header("Authorization", apiToken("manager")), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals("12", page.getHeaders().get("X-Total-Count"));
        List<Map<String, Object>> items = page.body();
        assertEquals(5, items.size());
        for (Map<String, Object> item : items) {
            for (String field : List.of("id", "to", "template", "subject", "status", "createdAt", "sentAt")) {
                assertTrue(item.containsKey(field), field + " in " + item);
            }
            assertEquals("SENT", item.get("status"));
            assertNotNull(item.get("sentAt"));
        }
        Browserless manager = signedIn("manager");
        Browserless.Page outbox = manager.get("/admin/outbox");
        assertEquals(200, outbox.status(), outbox.body());
        assertTrue(outbox.body().contains("Action JTAI-3 is overdue"), outbox.body());
        assertTrue(outbox.body().contains("csc.lead &lt;csc.lead@example.org&gt;"), outbox.body());
        String id = outbox.body().replaceAll("(?s).*href=\"/admin/outbox/(\\d+)\".*", "$1");
        Browserless.Page message = manager.get("/admin/outbox/" + id);
        assertEquals(200, message.status());
        assertTrue(message.body().contains("https://quadrant.example.org/"), message.body());
    }

    @Test
    @Order(4)
    void onlyTheBoardManagerRunsOrReadsReminders() {
        for (String user : List.of("chair", "csc.lead", "tvp.user")) {
            String bearer = apiToken(user);
            HttpClientResponseException run = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/notifications/run", "").header("Authorization", bearer)));
            assertEquals(403, run.code(), user);
            HttpClientResponseException read = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/notifications/outbox").header("Authorization", bearer)));
            assertEquals(403, read.code(), user);
            assertEquals(403, signedIn(user).get("/admin/outbox").status(), user);
        }
        HttpClientResponseException anonymous = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/notifications/run", "")));
        assertEquals(401, anonymous.code());
    }

    private static String claims(String authorization) {
        assertNotNull(authorization);
        String jwt = authorization.substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static MimeMessage find(MimeMessage[] messages, String to, String subjectStart) throws Exception {
        for (MimeMessage m : messages) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to) && m.getSubject().startsWith(subjectStart)) {
                return m;
            }
        }
        throw new AssertionError("No message to " + to + " starting " + subjectStart + ": " + List.of(messages).stream()
                .map(m -> { try { return m.getSubject(); } catch (Exception e) { return "?"; } }).collect(Collectors.joining(", ")));
    }

}
