package uk.org.quadrant.gateway.identity.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a signed-in person may do (DESIGN.md "Users and what they do"). */
public enum Role {
    AGENCY_CONTRIBUTOR("Agency contributor"),
    AGENCY_LEAD("Agency lead"),
    BOARD_MANAGER("Board manager"),
    BOARD_CHAIR("Board chair");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isBoard() {
        return this == BOARD_MANAGER || this == BOARD_CHAIR;
    }

    /** Parses the stored comma-separated form; unknown names are a data error, not ignored. */
    public static Set<Role> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(stored.split(","))
                .map(String::trim)
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public static String format(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
