package uk.org.quadrant.gateway.identity.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A partner agency; the code is the contract every service uses, the name is only for display.
 * The version guards renames against two managers overwriting each other.
 */
@Serdeable
@MappedEntity("agency")
public record Agency(@Id String code, String name, @Version @Nullable Long version) {

    public Agency(String code, String name) {
        this(code, name, null);
    }
}
