package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.SignedInUser;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Quadrant account of a person the provider signed in, and decides whether they may in.
 * The account is the one whose link holds the provider's subject, else (no link) the one account
 * whose e-mail address equals the provider's, when the provider says it verified the address; that
 * first match links the subject to the account. Then the account's agency must be bound to this very
 * provider, the account enabled, and the {@code acr} one the provider's settings require (if any).
 * Agency and roles are the directory's. No account is ever created here.
 */
@Singleton
public class ProviderAccountMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderAccountMatcher.class);

    /** Why a sign-in through a provider was refused. */
    public enum Refusal {
        /** No account for this subject or verified e-mail address, or its agency is not bound to this provider. */
        NO_ACCOUNT,
        /** The account is disabled. */
        DISABLED,
        /** The provider signed the person in less strongly than its settings require. */
        WEAK_SIGN_IN
    }

    /** What came of it: the user to sign in, or why not. */
    public sealed interface Outcome {
        record SignedIn(SignedInUser user) implements Outcome {
        }

        record Refused(Refusal why) implements Outcome {
        }
    }

    private final ProviderLinkRepository links;
    private final AccountsByEmail byEmail;
    private final UserAccountRepository users;
    private final AgencySignInRepository agencies;
    private final ChangeLogRepository changes;
    private final IdentityProviders providers;
    private final Clock clock = Clock.systemUTC();

    ProviderAccountMatcher(ProviderLinkRepository links, AccountsByEmail byEmail, UserAccountRepository users,
                           AgencySignInRepository agencies, ChangeLogRepository changes, IdentityProviders providers) {
        this.links = links;
        this.byEmail = byEmail;
        this.users = users;
        this.agencies = agencies;
        this.changes = changes;
        this.providers = providers;
    }

    @Transactional
    public Outcome match(ProviderIdentity who) {
        String provider = who.provider();
        Optional<ProviderLink> link = links.findByProviderAndSubject(provider, who.subject());
        UserAccount account;
        boolean linkNow = false;
        if (link.isPresent()) {
            account = users.findById(link.get().userId()).orElse(null);
        } else if (who.emailVerified() && who.email() != null && !who.email().isBlank()) {
            List<UserAccount> sameAddress = byEmail.findByEmail(who.email().trim()).stream()
                    .filter(a -> boundTo(a, provider))
                    .toList();
            if (sameAddress.size() > 1) {
                LOG.warn("Sign-in through {} refused: {} accounts of agencies bound to it hold the same e-mail address; "
                        + "link the subject on the right one", provider, sameAddress.size());
            }
            account = sameAddress.size() == 1 ? sameAddress.get(0) : null;
            if (account != null && links.findByUserIdAndProvider(account.id(), provider).isPresent()) {
                // The account is linked to another subject at this provider: an address is not enough to take it over.
                LOG.warn("Sign-in through {} refused: account {} is linked to another subject there", provider, account.username());
                record(account, "PROVIDER_SIGN_IN_REFUSED", "provider=" + provider + "; reason=linked to another subject");
                return new Outcome.Refused(Refusal.NO_ACCOUNT);
            }
            linkNow = account != null;
        } else {
            account = null;
        }
        if (account == null) {
            LOG.info("Sign-in through {} refused: no account for its subject{}", provider,
                    who.email() != null && !who.emailVerified() ? " (its e-mail address is not verified)" : "");
            return new Outcome.Refused(Refusal.NO_ACCOUNT);
        }
        if (!boundTo(account, provider)) {
            record(account, "PROVIDER_SIGN_IN_REFUSED", "provider=" + provider + "; reason=agency not bound to it");
            return new Outcome.Refused(Refusal.NO_ACCOUNT);
        }
        if (!account.enabled()) {
            record(account, "PROVIDER_SIGN_IN_REFUSED", "provider=" + provider + "; reason=account disabled");
            return new Outcome.Refused(Refusal.DISABLED);
        }
        List<String> acr = providers.named(provider).map(IdentityProviders.Provider::requiredAcr).orElse(List.of());
        if (!acr.isEmpty() && (who.acr() == null || !acr.contains(who.acr()))) {
            record(account, "PROVIDER_SIGN_IN_REFUSED", "provider=" + provider + "; reason=acr " + who.acr() + " not one of " + acr);
            return new Outcome.Refused(Refusal.WEAK_SIGN_IN);
        }
        if (linkNow) {
            links.save(new ProviderLink(null, account.id(), provider, who.subject(), clock.instant(), account.username()));
            record(account, "PROVIDER_LINK", "provider=" + provider + "; subject=" + who.subject() + "; by=verified e-mail address");
        }
        record(account, "PROVIDER_SIGN_IN", "provider=" + provider + "; subject=" + who.subject()
                + (who.acr() == null ? "" : "; acr=" + who.acr()));
        return new Outcome.SignedIn(new SignedInUser(account.username(), account.displayName(), account.agencyCode(),
                account.roleSet(), account.sessionsValidAfter()));
    }

    private boolean boundTo(UserAccount account, String provider) {
        return agencies.findById(account.agencyCode()).filter(a -> a.boundTo(provider)).isPresent();
    }

    /** An identity event of the account, by the account's own person. */
    private void record(UserAccount account, String action, String what) {
        changes.save(new ChangeLogEntry(null, clock.instant(), account.username(), account.agencyCode(), "user",
                account.username(), action, null, what));
    }
}
