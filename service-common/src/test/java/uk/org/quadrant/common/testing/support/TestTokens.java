package uk.org.quadrant.common.testing.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the gateway in service tests: publishes a JWKS over real HTTP on loopback and
 * mints tokens with it, plus deliberately bad tokens (expired, wrong issuer, foreign key).
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "quadrant-gateway";
    /** The subject of the gateway's service token. */
    public static final String SERVICE_SUBJECT = "service:quadrant-gateway";

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;

    public TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            // Same key id as the published key, different key material: a forger's best attempt.
            foreignKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    /** Properties pointing the service under test at this JWKS. */
    public Map<String, String> properties() {
        return Map.of("micronaut.security.token.jwt.signatures.jwks.gateway.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    public String agencyUser(String username, String agency, String... roles) {
        return sign(key, claims(username, agency, List.of(roles), ISSUER, Duration.ofMinutes(5)));
    }

    public String board(String username, String role) {
        return sign(key, claims(username, null, List.of(role), ISSUER, Duration.ofMinutes(5)));
    }

    public String expired(String username, String agency, String role) {
        return sign(key, claims(username, agency, List.of(role), ISSUER, Duration.ofMinutes(-5)));
    }

    public String wrongIssuer(String username, String agency, String role) {
        return sign(key, claims(username, agency, List.of(role), "someone-else", Duration.ofMinutes(5)));
    }

    public String signedByForeignKey(String username, String agency, String role) {
        return sign(foreignKey, claims(username, agency, List.of(role), ISSUER, Duration.ofMinutes(5)));
    }

    /** The gateway's service identity as its {@code ServiceTokens} mints it: role SERVICE_READER, {@code svc: true}, no agency. */
    public String serviceReader() {
        return service(true, null, "SERVICE_READER");
    }

    /**
     * A service token of any shape, signed with the published key: with or without the {@code svc} claim,
     * an agency or none, and any roles (a board role beside SERVICE_READER, or a board role with {@code svc} alone).
     */
    public String service(boolean svcClaim, String agency, String... roles) {
        return sign(key, serviceClaims(svcClaim, agency, roles));
    }

    /** The service identity's token signed by a forger's key (same key id). */
    public String serviceSignedByForeignKey() {
        return sign(foreignKey, serviceClaims(true, null, "SERVICE_READER"));
    }

    private static JWTClaimsSet serviceClaims(boolean svcClaim, String agency, String... roles) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(claims(SERVICE_SUBJECT, agency, List.of(roles), ISSUER, Duration.ofMinutes(5)));
        if (svcClaim) {
            b.claim("svc", true);
        }
        return b.build();
    }

    /** A valid token whose payload was then edited (roles escalated) without re-signing. */
    public String tampered(String username, String agency) {
        String good = agencyUser(username, agency, "AGENCY_CONTRIBUTOR");
        String[] parts = good.split("\\.");
        JWTClaimsSet escalated = claims(username, agency, List.of("BOARD_MANAGER"), ISSUER, Duration.ofMinutes(5));
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(escalated.toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** An unsigned token ("alg":"none"). */
    public String unsigned(String username, String role) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims(username, null, List.of(role), ISSUER, Duration.ofMinutes(5))
                .toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private static JWTClaimsSet claims(String username, String agency, List<String> roles, String issuer, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(username)
                .issuer(issuer)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", roles);
        if (agency != null) {
            builder.claim("agency", agency);
        }
        return builder.build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
