package uk.org.quadrant.gateway.identity.directory;

/**
 * Whether an account may sign in with its password at all (the form and the token API), beyond the
 * password being right and the account enabled: an agency that signs in only through its own provider
 * ({@code identity.federation}) refuses its staff's passwords. Asked only after the password was checked.
 */
public interface PasswordSignInRule {

    boolean allowsPassword(UserAccount account);
}
