package uk.org.quadrant.gateway.browse.plans;

import io.micronaut.core.annotation.Nullable;
import uk.org.quadrant.gateway.clients.actions.Action;

import java.util.Set;

/** The action tables' filters (public: templates read it); values that are not a known agency or delivery status are ignored. */
public record ActionQuery(@Nullable String agency, @Nullable String delivery) {

    static ActionQuery of(String agency, String delivery, Set<String> knownAgencies) {
        return new ActionQuery(agency != null && knownAgencies.contains(agency) ? agency : null,
                delivery != null && PlanWording.DELIVERIES.contains(delivery) ? delivery : null);
    }

    public boolean any() {
        return agency != null || delivery != null;
    }

    boolean matches(Action action) {
        return (agency == null || agency.equals(action.leadAgency()))
                && (delivery == null || delivery.equals(action.delivery()));
    }
}
