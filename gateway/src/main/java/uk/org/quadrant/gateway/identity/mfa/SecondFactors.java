package uk.org.quadrant.gateway.identity.mfa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.org.quadrant.gateway.identity.directory.AccountEvents;
import uk.org.quadrant.common.changelog.ChangeLogEntry;
import uk.org.quadrant.gateway.identity.directory.ChangeLogRepository;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration;
import uk.org.quadrant.gateway.identity.directory.DirectoryAdministration.ChangedBy;
import uk.org.quadrant.gateway.identity.directory.UserAccount;
import uk.org.quadrant.gateway.identity.directory.UserAccountRepository;
import uk.org.quadrant.gateway.identity.directory.Usernames;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The second factors of local accounts: enrolment (begin, confirm with a code, recovery codes shown
 * once), checking a code at sign-in or on the token API, turning it off, new recovery codes, and the
 * manager's reset. A code is accepted by one conditional UPDATE (see {@link SecondFactorRepository}
 * and {@link RecoveryCodeRepository}), so a code is good once across every replica. Every event is in the
 * change log (entity {@code user}, the username; never a code, a secret or a hash).
 */
@Singleton
public class SecondFactors {

    /** What a typed code turned out to be. */
    public enum Outcome { TOTP, RECOVERY_CODE, REFUSED, NO_FACTOR }

    /** The outcome of checking a code, and how many recovery codes are left after it. */
    public record Verification(Outcome outcome, long recoveryCodesLeft) {
        public boolean accepted() {
            return outcome == Outcome.TOTP || outcome == Outcome.RECOVERY_CODE;
        }
    }

    /** What the person's own page shows. */
    public record Status(boolean confirmed, boolean begun, @Nullable Enrolment pending, long recoveryCodesLeft) {
    }

    static final String ENTITY = "user";
    private static final Logger LOG = LoggerFactory.getLogger(SecondFactors.class);

    private final SecondFactorRepository factors;
    private final RecoveryCodeRepository recoveryCodes;
    private final UserAccountRepository users;
    private final ChangeLogRepository changes;
    private final SealedSecrets sealed;
    private final DirectoryAdministration directory;
    private final AccountEvents notices;
    private final SecureRandom random = new SecureRandom();
    private Clock clock = Clock.systemUTC();

    SecondFactors(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes, UserAccountRepository users,
                  ChangeLogRepository changes, SealedSecrets sealed, DirectoryAdministration directory, AccountEvents notices) {
        this.notices = notices;
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.users = users;
        this.changes = changes;
        this.sealed = sealed;
        this.directory = directory;
    }

    /** Tests move time to try clock skew; production keeps the system clock. */
    void clock(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code username} has a confirmed second factor (asked at sign-in). */
    public boolean hasConfirmed(String username) {
        return account(username).flatMap(a -> factors.findById(a.id())).map(SecondFactor::confirmed).orElse(false);
    }

    /** The person's own view: with the key of an enrolment begun, to finish it. */
    public Status status(String username) {
        return status(username, true);
    }

    /** The manager's view: whether there is a factor, never its key. */
    public Status summary(String username) {
        return status(username, false);
    }

    private Status status(String username, boolean withKey) {
        Optional<UserAccount> account = account(username);
        Optional<SecondFactor> factor = account.flatMap(a -> factors.findById(a.id()));
        if (factor.isEmpty()) {
            return new Status(false, false, null, 0);
        }
        if (!factor.get().confirmed()) {
            Enrolment pending = withKey
                    ? secret(factor.get(), username).map(s -> new Enrolment(username, Base32.encode(s))).orElse(null) : null;
            return new Status(false, true, pending, 0);
        }
        return new Status(true, true, null, recoveryCodes.countByUserIdAndUsedAtIsNull(account.get().id()));
    }

    /**
     * A new secret for the person's app, not asked at sign-in until confirmed. Replaces an enrolment begun
     * and not confirmed; refused (empty) while a confirmed factor exists: that is turned off first.
     */
    @Transactional
    public Optional<Enrolment> begin(String username) {
        UserAccount account = require(username);
        Optional<SecondFactor> existing = factors.findById(account.id());
        if (existing.map(SecondFactor::confirmed).orElse(false)) {
            return Optional.empty();
        }
        existing.ifPresent(f -> factors.deleteById(account.id()));
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        factors.save(new SecondFactor(account.id(), sealed.seal(secret, username), false, 0L, clock.instant(), null));
        return Optional.of(new Enrolment(username, Base32.encode(secret)));
    }

    /**
     * Confirms the enrolment with a code from the app: the factor is on, ten recovery codes are made and
     * returned (the only time they are readable). Empty when the code is wrong or nothing is pending.
     */
    @Transactional
    public Optional<List<String>> confirm(String username, String code, String agencyCode) {
        UserAccount account = require(username);
        Optional<SecondFactor> factor = factors.findById(account.id()).filter(f -> !f.confirmed());
        if (factor.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> secret = secret(factor.get(), username);
        OptionalLong step = secret.isEmpty() ? OptionalLong.empty() : Totp.matchingStep(secret.get(), code.trim(), clock.instant());
        if (step.isEmpty() || factors.confirm(account.id(), factor.get().sealedSecret(), step.getAsLong(), clock.instant()) != 1) {
            return Optional.empty();
        }
        List<String> codes = replaceRecoveryCodes(account.id());
        record(username, agencyCode, username, "MFA_ENROL", null, "authenticator app; " + RecoveryCodes.COUNT + " recovery codes");
        notices.secondFactorOn(account);
        return Optional.of(codes);
    }

    /**
     * Checks a code typed at sign-in, on the token API or to change the factor: six digits are a TOTP code
     * (this step or one either side, and later than any accepted before), anything shaped like a recovery
     * code is tried as one (used up if right). Using a recovery code is logged.
     */
    @Transactional
    public Verification verify(String username, String code) {
        Optional<UserAccount> account = account(username);
        Optional<SecondFactor> factor = account.flatMap(a -> factors.findById(a.id())).filter(SecondFactor::confirmed);
        if (factor.isEmpty()) {
            return new Verification(Outcome.NO_FACTOR, 0);
        }
        long userId = account.get().id();
        String typed = code == null ? "" : code.trim();
        if (typed.length() == Totp.DIGITS) {
            Optional<byte[]> secret = secret(factor.get(), username);
            OptionalLong step = secret.isEmpty() ? OptionalLong.empty() : Totp.matchingStep(secret.get(), typed, clock.instant());
            boolean accepted = step.isPresent() && factors.useStep(userId, step.getAsLong()) == 1;
            return new Verification(accepted ? Outcome.TOTP : Outcome.REFUSED, 0);
        }
        if (RecoveryCodes.looksLikeOne(typed) && recoveryCodes.use(userId, RecoveryCodes.hash(typed), clock.instant()) == 1) {
            long left = recoveryCodes.countByUserIdAndUsedAtIsNull(userId);
            record(username, account.get().agencyCode(), username, "MFA_RECOVERY_CODE_USED", null, left + " recovery codes left");
            notices.recoveryCodeUsed(account.get(), left);
            return new Verification(Outcome.RECOVERY_CODE, left);
        }
        return new Verification(Outcome.REFUSED, 0);
    }

    /** Turns the person's own factor off, given a current code (or a recovery code). */
    @Transactional
    public Verification turnOff(String username, String code, String agencyCode) {
        Verification v = verify(username, code);
        if (v.accepted()) {
            UserAccount account = require(username);
            remove(account.id());
            record(username, agencyCode, username, "MFA_OFF", "authenticator app", null);
            notices.secondFactorOff(account, false);
        }
        return v;
    }

    /** New recovery codes (the old ones stop working), given a current code from the app. */
    @Transactional
    public Optional<List<String>> regenerate(String username, String code, String agencyCode) {
        if (code == null || code.trim().length() != Totp.DIGITS || verify(username, code).outcome() != Outcome.TOTP) {
            return Optional.empty();
        }
        UserAccount account = require(username);
        List<String> codes = replaceRecoveryCodes(account.id());
        record(username, agencyCode, username, "MFA_RECOVERY_CODES", null, RecoveryCodes.COUNT + " new recovery codes");
        return Optional.of(codes);
    }

    /**
     * The manager's reset (a lost phone): the factor and its recovery codes are removed and every session
     * and token of the account ends. False when the account had none (nothing changes, nothing is logged).
     */
    @Transactional
    public boolean reset(String username, ChangedBy by) {
        UserAccount account = require(username);
        if (factors.findById(account.id()).isEmpty()) {
            return false;
        }
        remove(account.id());
        directory.endSessions(username);
        record(by.username(), by.agencyCode(), username, "MFA_RESET", "authenticator app", "removed by the board manager; sessions ended");
        notices.secondFactorOff(account, true);
        return true;
    }

    /**
     * The secret, or empty when it does not open: sealed under another signing key (the key was rotated).
     * Then no app code is accepted, but recovery codes (hashed, not sealed) still are: the person signs in
     * with one and sets the app up again, or the manager resets it (docs/operations.md).
     */
    private Optional<byte[]> secret(SecondFactor factor, String username) {
        try {
            return Optional.of(sealed.open(factor.sealedSecret(), username));
        } catch (IllegalStateException e) {
            LOG.warn("The second factor of {} does not open with the current signing key (rotated?): its app codes are refused", username);
            return Optional.empty();
        }
    }

    private void remove(long userId) {
        recoveryCodes.deleteByUserId(userId);
        factors.deleteById(userId);
    }

    private List<String> replaceRecoveryCodes(long userId) {
        recoveryCodes.deleteByUserId(userId);
        List<String> codes = RecoveryCodes.generate();
        Instant now = clock.instant();
        for (String c : codes) {
            recoveryCodes.save(new RecoveryCode(null, userId, RecoveryCodes.hash(c), now, null));
        }
        return codes;
    }

    private void record(String by, @Nullable String agency, String username, String action, @Nullable String oldValue,
                        @Nullable String newValue) {
        changes.save(new ChangeLogEntry(null, clock.instant(), by, agency == null || agency.isEmpty() ? null : agency, ENTITY, username,
                action, oldValue, newValue));
    }

    private Optional<UserAccount> account(String typed) {
        return Usernames.canonical(typed).flatMap(name -> users.findByUsername(name).filter(a -> a.username().equals(name)));
    }

    private UserAccount require(String username) {
        return account(username).orElseThrow(() -> new IllegalArgumentException("No user " + username));
    }
}
