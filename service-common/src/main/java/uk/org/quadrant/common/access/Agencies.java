package uk.org.quadrant.common.access;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The partnership's agency codes (the contract shared with the gateway, which owns their names).
 * Configured by {@code quadrant.agencies} / {@code QUADRANT_AGENCIES}.
 */
@Singleton
public class Agencies {

    private final Set<String> codes;

    Agencies(@Value("${quadrant.agencies:CSC,EI,EDU,TVP,OH,OUH,CCG,NPS,CRC,YJS,PH,VCS,BOARD}") String codes) {
        this.codes = Arrays.stream(codes.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean exists(String code) {
        return code != null && codes.contains(code);
    }

    public Set<String> all() {
        return codes;
    }
}
