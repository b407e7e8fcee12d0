package uk.org.quadrant.gateway.identity.directory;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Checks credentials against the user directory. An unknown username costs the same hashing work
 * as a wrong password, so response time does not reveal which usernames exist. Usernames are looked
 * up by their canonical form only ({@link Usernames}), and an account found must carry exactly that
 * name, so a database collation that folds accents or widths cannot let {@code mánager} in as
 * {@code manager}.
 */
@Singleton
public class UserDirectory {

    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final String decoyHash;
    private final List<PasswordSignInRule> rules;

    UserDirectory(UserAccountRepository users, PasswordHasher hasher, List<PasswordSignInRule> rules) {
        this.users = users;
        this.hasher = hasher;
        this.rules = List.copyOf(rules);
        this.decoyHash = hasher.hash("decoy-password-for-unknown-users");
    }

    public Optional<SignedInUser> authenticate(String username, String password) {
        Optional<UserAccount> account = find(username);
        // An invited account with no password yet costs the same hashing work as any other.
        String hash = account.filter(UserAccount::hasPassword).map(UserAccount::passwordHash).orElse(decoyHash);
        boolean passwordMatches = hasher.matches(password, hash);
        return account.filter(a -> passwordMatches && a.enabled() && a.hasPassword())
                .filter(a -> rules.stream().allMatch(rule -> rule.allowsPassword(a)))
                .map(SignedInUser::of);
    }

    /** The current directory entry for a still-enabled user, for re-issuing a token. */
    public Optional<SignedInUser> findEnabled(String username) {
        return find(username).filter(UserAccount::enabled).map(SignedInUser::of);
    }

    private Optional<UserAccount> find(String typed) {
        return Usernames.canonical(typed)
                .flatMap(name -> users.findByUsername(name).filter(a -> a.username().equals(name)));
    }
}
