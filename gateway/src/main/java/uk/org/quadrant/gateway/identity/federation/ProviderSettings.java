package uk.org.quadrant.gateway.identity.federation;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What Quadrant adds to a provider configured under {@code micronaut.security.oauth2.clients.<name>}:
 * {@code quadrant.identity-providers.<name>.display-name} (the button says "Sign in with" it; default:
 * the name) and {@code required-acr} (none by default: the provider's own policy decides how strongly
 * people sign in; set, an ID token whose {@code acr} is not one of these is refused).
 */
@EachProperty("quadrant.identity-providers")
public class ProviderSettings {

    private final String name;
    private String displayName;
    private List<String> requiredAcr = List.of();

    ProviderSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    @Nullable
    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(@Nullable String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRequiredAcr() {
        return requiredAcr;
    }

    public void setRequiredAcr(List<String> requiredAcr) {
        this.requiredAcr = requiredAcr == null ? List.of() : List.copyOf(requiredAcr);
    }
}
