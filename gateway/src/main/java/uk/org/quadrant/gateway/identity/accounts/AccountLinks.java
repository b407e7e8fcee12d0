package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.tokens.DerivedKey;
import uk.org.quadrant.gateway.identity.tokens.SigningKeyProvider;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Invitation and reset links. A link's secret is 32 random bytes (base64url, in the link's {@code t});
 * the table keeps only {@code HMAC-SHA256(secret)} under the key derived for
 * {@value #LABEL}, so a copy of the table opens nothing, and a secret the gateway did not issue
 * (tampered, made up) matches no row. A link is used by one conditional UPDATE, so it works once even
 * when two replicas are asked at the same moment. Issuing a link retires the account's earlier unused
 * links of the same purpose.
 */
@Singleton
class AccountLinks {

    static final String LABEL = "quadrant/account-link/v1";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** What a link is, as the page that opens it must say. */
    enum State { VALID, EXPIRED, USED, INVALID }

    record Checked(State state, @Nullable String username) {
    }

    private final AccountLinkRepository links;
    private final DerivedKey key;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    AccountLinks(AccountLinkRepository links, SigningKeyProvider keys) {
        this.links = links;
        this.key = keys.derivedKey(LABEL);
        this.clock = Clock.systemUTC();
    }

    /** A new link's secret for {@code username}; the earlier unused ones of this purpose stop working. */
    String issue(LinkPurpose purpose, String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = now();
        links.retire(username, purpose.name(), now);
        links.save(new AccountLink(null, hash(secret), purpose.name(), username, now, now.plus(purpose.lifetime()), null));
        return secret;
    }

    /** What the link is, without using it (the page that asks for the new passphrase). */
    Checked check(@Nullable String secret, LinkPurpose purpose) {
        Optional<AccountLink> link = find(secret).filter(l -> l.purpose().equals(purpose.name()));
        if (link.isEmpty()) {
            return new Checked(State.INVALID, null);
        }
        AccountLink l = link.get();
        if (l.usedAt() != null) {
            return new Checked(State.USED, l.username());
        }
        if (!l.expiresAt().isAfter(now())) {
            return new Checked(State.EXPIRED, l.username());
        }
        return new Checked(State.VALID, l.username());
    }

    /** Uses the link; true for the one caller that won it (call inside the transaction that acts on it). */
    boolean consume(String secret, LinkPurpose purpose) {
        return SHAPE.matcher(secret).matches() && links.consume(hash(secret), purpose.name(), now()) == 1;
    }

    /** After the password was set some other way: the account's unused links of this purpose stop working. */
    void retire(String username, LinkPurpose purpose) {
        links.retire(username, purpose.name(), now());
    }

    int prune(Instant before) {
        return links.prune(before);
    }

    private Optional<AccountLink> find(@Nullable String secret) {
        if (secret == null || !SHAPE.matcher(secret).matches()) {
            return Optional.empty();
        }
        return links.findBySecretHash(hash(secret));
    }

    private String hash(String secret) {
        return key.mac(secret);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
