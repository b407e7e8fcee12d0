package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Demo sign-ins for the embedded mode: {@code chair}, {@code manager}, and {@code <code>.lead} /
 * {@code <code>.user} for every agency, each with the address {@code <username>@example.org} (a domain
 * reserved for examples: nothing sent there reaches anyone). On unless {@code quadrant.demo-data.enabled} says otherwise,
 * and then only on an embedded H2 database, so a production MySQL never gets a known password.
 * Existing users are left alone: seeding is idempotent.
 * <p>
 * The default password ({@value #PUBLIC_DEFAULT}, application.yml) is public: it is for a laptop's
 * embedded database only. Asked to create demo users on a server database (the Kubernetes dev overlay,
 * reachable through an Ingress) with that password, the gateway refuses to start: set
 * QUADRANT_DEMO_PASSWORD (the dev overlay takes it from the Secret quadrant-demo-password).
 */
@Singleton
class DemoUsersSeeder implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsersSeeder.class);
    /** The public default of quadrant.demo-data.password (application.yml). */
    static final String PUBLIC_DEFAULT = "quadrant-demo-2026";

    private final AgencyRepository agencies;
    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final Boolean enabled;
    private final String datasourceUrl;
    private final String demoPassword;

    DemoUsersSeeder(AgencyRepository agencies, UserAccountRepository users, PasswordHasher hasher,
                    @Nullable @Value("${quadrant.demo-data.enabled}") Boolean enabled,
                    @Value("${datasources.default.url}") String datasourceUrl,
                    @Value("${quadrant.demo-data.password}") String demoPassword) {
        this.agencies = agencies;
        this.users = users;
        this.hasher = hasher;
        this.enabled = enabled;
        this.datasourceUrl = datasourceUrl;
        this.demoPassword = demoPassword;
    }

    boolean shouldSeed() {
        return enabled != null ? enabled : datasourceUrl.startsWith("jdbc:h2:");
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!shouldSeed()) {
            return;
        }
        if (!datasourceUrl.startsWith("jdbc:h2:") && (demoPassword == null || demoPassword.isBlank()
                || PUBLIC_DEFAULT.equals(demoPassword))) {
            throw new ConfigurationException("Demo users on a server database need their own password: set "
                    + "QUADRANT_DEMO_PASSWORD (from a Secret), not the public default, or QUADRANT_DEMO_DATA_ENABLED=false");
        }
        // One Argon2id hash for all demo users (they share the password by design): 28 hashes took most
        // of the gateway's first start-up on a busy 2-core machine.
        demoHash = null;
        int created = 0;
        created += ensure("chair", "Board chair", "BOARD", EnumSet.of(Role.BOARD_CHAIR));
        created += ensure("manager", "Board manager (business unit)", "BOARD", EnumSet.of(Role.BOARD_MANAGER));
        for (Agency agency : agencies.findAll()) {
            String prefix = agency.code().toLowerCase();
            created += ensure(prefix + ".lead", agency.name() + " lead", agency.code(), EnumSet.of(Role.AGENCY_LEAD));
            created += ensure(prefix + ".user", agency.name() + " contributor", agency.code(), EnumSet.of(Role.AGENCY_CONTRIBUTOR));
        }
        if (created > 0) {
            LOG.info("Demo data: created {} demo users (password from QUADRANT_DEMO_PASSWORD)", created);
        }
    }

    private String demoHash;

    private int ensure(String username, String displayName, String agency, Set<Role> roles) {
        var existing = users.findByUsername(username);
        if (existing.isPresent()) {
            UserAccount u = existing.get();
            if (u.email() == null) {
                // A data directory from before e-mail addresses (V6): demo users get theirs, so reminders reach them.
                users.update(new UserAccount(u.id(), u.username(), u.displayName(), u.agencyCode(), u.roles(), u.passwordHash(),
                        u.enabled(), u.version(), u.createdAt(), Instant.now(), u.sessionsValidAfter(), username + "@example.org"));
            }
            return 0;
        }
        Instant now = Instant.now();
        if (demoHash == null) {
            demoHash = hasher.hash(demoPassword);
        }
        users.save(new UserAccount(null, username, displayName, agency, Role.format(roles),
                demoHash, true, null, now, now, null, username + "@example.org"));
        return 1;
    }
}
