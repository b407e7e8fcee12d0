package uk.org.quadrant.gateway.identity.federation;

import jakarta.inject.Singleton;
import uk.org.quadrant.gateway.identity.directory.PasswordSignInRule;
import uk.org.quadrant.gateway.identity.directory.UserAccount;

/**
 * Passwords work for every agency unless the manager turned them off for one bound to a provider
 * (docs/decisions.md, 2026-12-07): then its staff sign in through the provider only, and the sign-in
 * form and token API answer them exactly as a wrong password.
 */
@Singleton
class AgencyPasswordRule implements PasswordSignInRule {

    private final AgencySignInRepository agencies;

    AgencyPasswordRule(AgencySignInRepository agencies) {
        this.agencies = agencies;
    }

    @Override
    public boolean allowsPassword(UserAccount account) {
        return agencies.findById(account.agencyCode()).map(a -> a.passwordSignIn() || a.provider() == null).orElse(true);
    }
}
