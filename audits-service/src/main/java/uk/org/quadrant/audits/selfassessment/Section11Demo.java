package uk.org.quadrant.audits.selfassessment;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo 2017/18 Section 11 self-assessments: the board papers report a mostly green picture with a few
 * amber standards (training reach, information sharing, hearing children's views); one board challenge.
 */
@Singleton
public class Section11Demo {

    private static final Map<String, Map<String, String>> AMBER = Map.of(
            "CSC", Map.of("S11-5", "Multi-agency training take-up below the expected level for newly qualified staff."),
            "TVP", Map.of("S11-8", "Information sharing with schools after domestic abuse incidents is not yet consistent."),
            "OH", Map.of("S11-4", "Children's views are gathered but not yet routinely used to shape services."),
            "EDU", Map.of("S11-5", "Not every school has evidenced that all staff completed refresher training."),
            "OUH", Map.of(),
            "YJS", Map.of());

    private final StandardRepository standards;
    private final AssessmentRepository assessments;
    private final RatingRepository ratings;

    Section11Demo(StandardRepository standards, AssessmentRepository assessments, RatingRepository ratings) {
        this.standards = standards;
        this.assessments = assessments;
        this.ratings = ratings;
    }

    /** @return how many assessments were created (none if any exist) */
    public int load(String by) {
        if (assessments.count() > 0) {
            return 0;
        }
        Instant now = Instant.now();
        List<Standard> all = standards.inOrder();
        List<Rating> rows = new ArrayList<>();
        AMBER.keySet().stream().sorted().forEach(agency -> {
            Assessment a = assessments.save(new Assessment(null, agency, "2017April", null, by, now));
            for (Standard s : all) {
                String amber = AMBER.get(agency).get(s.code());
                String comment = "CSC".equals(agency) && amber != null ? "What is the plan, and by when, to reach the expected level?" : null;
                rows.add(new Rating(null, a.id(), s.code(), amber == null ? "GREEN" : "AMBER",
                        amber == null ? "Standard met; evidence held by the agency's safeguarding lead." : amber,
                        comment, comment == null ? null : "chair", comment == null ? null : now, by, now, null));
            }
        });
        ratings.saveAll(rows);
        return AMBER.size();
    }
}
