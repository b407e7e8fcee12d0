package uk.org.quadrant.gateway.web.forms;

/** One choice of a select or checkbox list: the value sent, and the words shown. */
public record Option(String value, String label) {
}
