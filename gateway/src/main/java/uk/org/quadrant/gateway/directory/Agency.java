package uk.org.quadrant.gateway.directory;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A partner agency; the code is the contract every service uses. */
@Serdeable
@MappedEntity("agency")
public record Agency(@Id String code, String name) {
}
