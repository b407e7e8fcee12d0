package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.UserAccount;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The manager's changes to how people sign in: an agency bound to a provider (or to none) and whether
 * its passwords still work; a person's subject at a provider linked or unlinked. Each change is in the
 * change log in the same transaction. Input is checked by the caller.
 */
@Singleton
public class FederationAdministration {

    /** The agency's setting changed since the manager opened it: {@code current} is what it is now. */
    public static class ChangedMeanwhile extends RuntimeException {
        private final transient AgencySignIn current;

        ChangedMeanwhile(AgencySignIn current) {
            super("Someone else changed how this agency signs in");
            this.current = current;
        }

        public AgencySignIn current() {
            return current;
        }
    }

    /** The subject is already linked to another account. */
    public static class SubjectTaken extends RuntimeException {
        SubjectTaken() {
            super("That subject is linked to another account");
        }
    }

    private final AgencySignInRepository agencies;
    private final ProviderLinkRepository links;
    private final ChangeLogRepository changes;
    private final Clock clock = Clock.systemUTC();

    FederationAdministration(AgencySignInRepository agencies, ProviderLinkRepository links, ChangeLogRepository changes) {
        this.agencies = agencies;
        this.links = links;
        this.changes = changes;
    }

    /** How an agency signs in now (no row: passwords only). */
    public AgencySignIn signInOf(String agencyCode) {
        return agencies.findById(agencyCode).orElseGet(() -> AgencySignIn.none(agencyCode));
    }

    public List<ProviderLink> linksOf(UserAccount account) {
        return links.findByUserIdOrderByProvider(account.id());
    }

    /** {@code version}: the one the manager saw (null: the agency had no setting yet). */
    @Transactional
    public AgencySignIn bind(String agencyCode, @Nullable String provider, boolean passwordSignIn, @Nullable Long version,
                             ChangedBy by) {
        Optional<AgencySignIn> current = agencies.findById(agencyCode);
        if (!Objects.equals(current.map(AgencySignIn::version).orElse(null), version)) {
            throw new ChangedMeanwhile(current.orElseGet(() -> AgencySignIn.none(agencyCode)));
        }
        AgencySignIn next = new AgencySignIn(agencyCode, provider, passwordSignIn,
                current.map(AgencySignIn::version).orElse(null), clock.instant());
        AgencySignIn saved;
        try {
            saved = current.isPresent() ? agencies.update(next) : agencies.save(next);
        } catch (io.micronaut.data.exceptions.OptimisticLockException e) {
            throw new ChangedMeanwhile(signInOf(agencyCode));
        }
        record(by, "agency", agencyCode, "SIGN_IN", describe(current.orElseGet(() -> AgencySignIn.none(agencyCode))), describe(saved));
        return saved;
    }

    /** Links {@code subject} at {@code provider} to the account, in place of any subject linked there before. */
    @Transactional
    public void link(UserAccount account, String provider, String subject, ChangedBy by) {
        Optional<ProviderLink> holder = links.findByProviderAndSubject(provider, subject);
        if (holder.isPresent() && holder.get().userId() != account.id()) {
            throw new SubjectTaken();
        }
        if (holder.isPresent()) {
            return;
        }
        Optional<ProviderLink> before = links.findByUserIdAndProvider(account.id(), provider);
        before.ifPresent(links::delete);
        links.save(new ProviderLink(null, account.id(), provider, subject, clock.instant(), by.username()));
        record(by, "user", account.username(), "PROVIDER_LINK",
                before.map(l -> "provider=" + provider + "; subject=" + l.subject()).orElse(null),
                "provider=" + provider + "; subject=" + subject);
    }

    @Transactional
    public void unlink(UserAccount account, String provider, ChangedBy by) {
        links.findByUserIdAndProvider(account.id(), provider).ifPresent(l -> {
            links.delete(l);
            record(by, "user", account.username(), "PROVIDER_UNLINK", "provider=" + provider + "; subject=" + l.subject(), null);
        });
    }

    static String describe(AgencySignIn s) {
        return "provider=" + (s.provider() == null ? "(none)" : s.provider()) + "; password-sign-in=" + s.passwordSignIn();
    }

    private void record(ChangedBy by, String type, String id, String action, @Nullable String oldValue, @Nullable String newValue) {
        changes.save(new ChangeLogEntry(null, clock.instant(), by.username(), by.agencyCode(), type, id, action, oldValue, newValue));
    }
}
