package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The OpenID Connect providers this gateway is configured with (none by default): each client under
 * {@code micronaut.security.oauth2.clients} that has an {@code openid} issuer, with its display name
 * and policy from {@link ProviderSettings}.
 */
@Singleton
public class IdentityProviders {

    /** A configured provider. {@code requiredAcr} empty: any {@code acr}. */
    public record Provider(String name, String displayName, List<String> requiredAcr) {
    }

    private final Map<String, Provider> byName;

    IdentityProviders(List<OauthClientConfiguration> clients, List<ProviderSettings> settings) {
        Map<String, ProviderSettings> extra = settings.stream()
                .collect(Collectors.toMap(ProviderSettings::getName, Function.identity()));
        this.byName = clients.stream()
                .filter(OauthClientConfiguration::isEnabled)
                .filter(c -> c.getOpenid().flatMap(o -> o.getIssuer()).isPresent())
                .map(c -> {
                    ProviderSettings s = extra.get(c.getName());
                    String display = s == null || s.getDisplayName() == null || s.getDisplayName().isBlank()
                            ? c.getName() : s.getDisplayName().trim();
                    return new Provider(c.getName(), display, s == null ? List.of() : s.getRequiredAcr());
                })
                .collect(Collectors.toUnmodifiableMap(Provider::name, Function.identity()));
    }

    public List<Provider> all() {
        return byName.values().stream().sorted(Comparator.comparing(Provider::displayName)).toList();
    }

    public Optional<Provider> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
