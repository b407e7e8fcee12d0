package uk.org.quadrant.gateway.identity.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.gateway.identity.directory.AccountEvents;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.EmailAddresses;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.identity.directory.Usernames;
import uk.org.quadrant.gateway.identity.tokens.SessionValidity;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * Invitations and password resets: sending a link, and setting the password with it. Setting uses the
 * link (one conditional UPDATE), stores the new hash with a new session generation (every session and
 * token of the account ends, on every replica), retires the account's other outstanding links, writes
 * the change log and queues the "your password was changed" e-mail, all in one transaction.
 */
@Singleton
public class AccountLinkService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLinkService.class);

    private final AccountLinks links;
    private final AccountEvents notices;
    private final UserAccountRepository users;
    private final AccountLookup lookup;
    private final DirectoryAdministration directory;
    private final SessionValidity validity;
    private final TransactionOperations<Connection> transactions;

    AccountLinkService(AccountLinks links, AccountEvents notices, UserAccountRepository users, AccountLookup lookup,
                       DirectoryAdministration directory, SessionValidity validity, TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.links = links;
        this.notices = notices;
        this.users = users;
        this.lookup = lookup;
        this.directory = directory;
        this.validity = validity;
    }

    /** Sends {@code user} an invitation (again: the earlier link stops working). */
    @Transactional
    public void invite(UserAccount user, ChangedBy by, boolean again) {
        if (user.email() == null || user.hasPassword()) {
            throw new IllegalStateException("Only an account with an e-mail address and no password yet can be invited");
        }
        String secret = links.issue(LinkPurpose.INVITATION, user.username());
        notices.invited(user, link(LinkPurpose.INVITATION, secret), by, again);
    }

    /**
     * "Forgotten your password?": {@code typed} is a username or an e-mail address. Every enabled account it
     * names that has an e-mail address gets a reset link; anything else gets nothing, and the caller's page
     * says the same either way. Runs after the page was answered, so its time does not tell either.
     */
    public void requestReset(String typed, @Nullable String client) {
        for (UserAccount user : accountsNamed(typed)) {
            try {
                sendReset(user, client);
            } catch (RuntimeException e) {
                LOG.warn("Could not send a password reset link to {}: {}", user.username(), e.toString());
            }
        }
    }

    private void sendReset(UserAccount user, @Nullable String client) {
        transactions.executeWrite(status -> {
            String secret = links.issue(LinkPurpose.RESET, user.username());
            notices.resetRequested(user, link(LinkPurpose.RESET, secret), client);
            return null;
        });
    }

    private List<UserAccount> accountsNamed(String typed) {
        String t = typed.trim();
        List<UserAccount> found;
        if (t.contains("@")) {
            found = EmailAddresses.problem(t).isPresent() ? List.of() : lookup.findByEmailIgnoringCase(t);
        } else {
            found = Usernames.canonical(t).flatMap(name -> users.findByUsername(name).filter(a -> a.username().equals(name)))
                    .map(List::of).orElse(List.of());
        }
        return found.stream().filter(UserAccount::enabled).filter(a -> a.email() != null && !a.email().isBlank()).toList();
    }

    /**
     * Sets the password with the link's secret: the account, if the link was valid and this request won it
     * (a link used, expired or unknown, or an account since disabled, changes nothing).
     * {@code passwordHash} is hashed by the caller, outside the transaction.
     */
    @Transactional
    public Optional<UserAccount> setPassword(String secret, LinkPurpose purpose, String passwordHash) {
        AccountLinks.Checked checked = links.check(secret, purpose);
        if (checked.state() != AccountLinks.State.VALID || !links.consume(secret, purpose)) {
            return Optional.empty();
        }
        Optional<UserAccount> account = users.findByUsername(checked.username()).filter(UserAccount::enabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        if (purpose == LinkPurpose.INVITATION && account.get().hasPassword()) {
            return Optional.empty();   // the manager set a password since: the invitation is spent
        }
        UserAccount saved = directory.setOwnPassword(account.get().id(), passwordHash);
        links.retire(saved.username(), LinkPurpose.INVITATION);
        links.retire(saved.username(), LinkPurpose.RESET);
        if (purpose == LinkPurpose.INVITATION) {
            notices.invitationAccepted(saved);
        } else {
            notices.passwordReset(saved);
        }
        validity.forget(saved.username());
        return Optional.of(saved);
    }

    AccountLinks.Checked check(@Nullable String secret, LinkPurpose purpose) {
        return links.check(secret, purpose);
    }

    /** A link page's path with its secret, as the e-mail's action (made absolute by the renderer). */
    static String link(LinkPurpose purpose, String secret) {
        return purpose.path() + "?t=" + secret;
    }
}
