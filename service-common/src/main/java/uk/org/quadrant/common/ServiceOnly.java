package uk.org.quadrant.common;

import io.micronaut.context.annotation.Requires;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean only the services have: their routes ({@code /api/v1/me}, {@code /api/v1/change-log}), their
 * change log, and the data-access and charset answers of their JSON APIs. The gateway shares the rest
 * of this library (problem+json, the caller) but serves its own pages and its own {@code /api/v1/me},
 * so it sets {@value #PROPERTY} to false.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Requires(property = ServiceOnly.PROPERTY, notEquals = "false")
public @interface ServiceOnly {

    String PROPERTY = "quadrant.service-api.enabled";
}
