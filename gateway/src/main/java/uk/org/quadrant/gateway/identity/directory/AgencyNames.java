package uk.org.quadrant.gateway.identity.directory;

import jakarta.inject.Singleton;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Agency codes (the services' contract) to the names pages show, in name order. */
@Singleton
public class AgencyNames {

    private final AgencyRepository agencies;

    AgencyNames(AgencyRepository agencies) {
        this.agencies = agencies;
    }

    /** Every agency, code to name, ordered by name (for filters' options as well as labels). */
    public Map<String, String> byCode() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Agency a : agencies.listOrderByName()) {
            names.put(a.code(), a.name());
        }
        return Collections.unmodifiableMap(names);
    }
}
