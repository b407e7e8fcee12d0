package uk.org.quadrant.audits.domain;

import java.util.Locale;
import java.util.Optional;

/** The aspects of practice a case audit grades besides the overall grade. */
public enum GradeDomain {
    RECOGNITION_OF_RISK,
    ASSESSMENT,
    PLANNING,
    JOINT_WORKING,
    VOICE_OF_THE_CHILD,
    IMPACT,
    OVERALL_QUALITY;

    /** Accepts {@code RECOGNITION_OF_RISK}, {@code recognition_of_risk} or {@code recognitionOfRisk}. */
    public static Optional<GradeDomain> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String normal = key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
        if (normal.equals("VOICE_OF_CHILD")) {
            normal = "VOICE_OF_THE_CHILD";
        }
        try {
            return Optional.of(valueOf(normal));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
