package uk.org.quadrant.gateway.notifications.preferences;

import uk.org.quadrant.gateway.identity.directory.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The reminders a person can choose how to receive. The statutory returns' reminders may be moved to
 * the weekly digest but never switched off (docs/decisions.md, "Reminders").
 */
public enum ReminderKind {
    RETURNS_DUE("Performance data returns due or late", true, Role.AGENCY_CONTRIBUTOR, Role.AGENCY_LEAD),
    VALUE_RETURNED("Values the board manager returned for correction", true, Role.AGENCY_CONTRIBUTOR, Role.AGENCY_LEAD),
    DRAFT_READY("Drafts ready to check and submit (agency leads)", false, Role.AGENCY_LEAD),
    ACTIONS("Actions overdue, at risk or without an update for three months (agency leads)", false, Role.AGENCY_LEAD),
    BOARD_DIGEST("The board manager's monthly digest and the chair's pre-meeting digest", false, Role.BOARD_MANAGER, Role.BOARD_CHAIR);

    private final String label;
    private final boolean statutory;
    private final Set<Role> forRoles;

    ReminderKind(String label, boolean statutory, Role first, Role... more) {
        this.label = label;
        this.statutory = statutory;
        this.forRoles = EnumSet.of(first, more);
    }

    /**
     * Whether someone with {@code roles} can get this kind at all (the reminders page shows only these):
     * returns due and values returned go to an agency's contributors and leads, drafts ready and actions
     * to its leads, the digests to the board manager and the chair.
     */
    public boolean appliesTo(Set<Role> roles) {
        return roles.stream().anyMatch(forRoles::contains);
    }

    /** The kinds that apply to {@code roles}, in the order of this enum. */
    public static List<ReminderKind> applyingTo(Set<Role> roles) {
        return Arrays.stream(values()).filter(k -> k.appliesTo(roles)).toList();
    }

    public String label() {
        return label;
    }

    /** A statutory reminder can be moved to the digest but not switched off. */
    public boolean statutory() {
        return statutory;
    }
}
