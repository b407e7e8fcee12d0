package uk.org.quadrant.gateway.web.forms;

/**
 * One entry of a GOV.UK error summary and the inline message beside its field.
 *
 * @param field   the id of the input the summary links to
 * @param message a sentence the user can act on
 */
public record FormError(String field, String message) {
}
