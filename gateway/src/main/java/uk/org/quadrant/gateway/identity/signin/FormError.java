package uk.org.quadrant.gateway.identity.signin;

/** One entry of a GOV.UK error summary: the field's id (for the link) and the message. */
public record FormError(String field, String message) {
}
