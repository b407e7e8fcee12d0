package uk.org.quadrant.gateway.agency;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * One thing an agency owes, as a row of its to-do list.
 *
 * @param kind    what sort of thing it is, in words ("Performance data", "Action", "Audit", "Section 11 standard")
 * @param name    what to do, as the link text
 * @param href    the form that does it (shown as a link only to people who may write)
 * @param hint    the detail under the name: why it is owed, the manager's reason for a return
 * @param status  {@link TaskStatus}
 * @param due     the day it is due, or null when nothing sets one
 * @param urgency where it stands on the as-at day ({@link Urgency})
 */
public record Task(String kind, String name, String href, @Nullable String hint, TaskStatus status,
                   @Nullable LocalDate due, Urgency urgency) {

    /** A stable id for the row's hint and status ({@code aria-describedby}). */
    public String id() {
        return href.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
