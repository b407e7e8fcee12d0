package uk.org.quadrant.gateway.agency;

import io.micronaut.core.annotation.Nullable;

/**
 * One row of the agency's task list.
 *
 * @param name   what to do, as the link text
 * @param href   the form that does it (shown as a link only to people who may write)
 * @param hint   the detail under the name: why it is owed, the manager's reason for a return
 * @param status {@link TaskStatus}
 */
public record Task(String name, String href, @Nullable String hint, TaskStatus status) {

    /** A stable id for the row's hint and status ({@code aria-describedby}). */
    public String id() {
        return href.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
