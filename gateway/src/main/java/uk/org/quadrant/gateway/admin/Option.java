package uk.org.quadrant.gateway.admin;

/** One choice of a select or checkbox list: the value sent, and the words shown. */
record Option(String value, String label) {
}
