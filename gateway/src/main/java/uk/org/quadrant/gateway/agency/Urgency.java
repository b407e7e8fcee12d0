package uk.org.quadrant.gateway.agency;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** Where a task stands on the as-at day: the to-do list's groups, most urgent first. */
public enum Urgency {
    LATE("Late", "late"),
    DUE_SOON("Due in the next " + Urgency.SOON_DAYS + " days", "due-soon"),
    LATER("Later, or no date set", "later");

    /** How far ahead "due soon" looks. */
    public static final int SOON_DAYS = 30;

    private final String heading;
    private final String anchor;

    Urgency(String heading, String anchor) {
        this.heading = heading;
        this.anchor = anchor;
    }

    public String heading() {
        return heading;
    }

    public String anchor() {
        return anchor;
    }

    /** Late once the day has passed; due soon within {@value #SOON_DAYS} days; later otherwise or without a date. */
    public static Urgency of(@Nullable LocalDate due, LocalDate asAt) {
        if (due == null) {
            return LATER;
        }
        if (due.isBefore(asAt)) {
            return LATE;
        }
        return due.isAfter(asAt.plusDays(SOON_DAYS)) ? LATER : DUE_SOON;
    }
}
