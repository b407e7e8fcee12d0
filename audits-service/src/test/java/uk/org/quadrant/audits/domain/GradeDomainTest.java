package uk.org.quadrant.audits.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GradeDomainTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "RECOGNITION_OF_RISK, RECOGNITION_OF_RISK",
            "recognition_of_risk, RECOGNITION_OF_RISK",
            "recognitionOfRisk, RECOGNITION_OF_RISK",
            "RecognitionOfRisk, RECOGNITION_OF_RISK",
            "recognition-of-risk, RECOGNITION_OF_RISK",
            "assessment, ASSESSMENT",
            "Assessment, ASSESSMENT",
            "planning, PLANNING",
            "jointWorking, JOINT_WORKING",
            "joint-working, JOINT_WORKING",
            "JOINT_WORKING, JOINT_WORKING",
            "voiceOfTheChild, VOICE_OF_THE_CHILD",
            "voice_of_the_child, VOICE_OF_THE_CHILD",
            "voiceOfChild, VOICE_OF_THE_CHILD",
            "VOICE_OF_CHILD, VOICE_OF_THE_CHILD",
            "impact, IMPACT",
            "overallQuality, OVERALL_QUALITY",
            "OVERALL_QUALITY, OVERALL_QUALITY"
    })
    void acceptsConstantSnakeCamelAndKebabCase(String key, GradeDomain expected) {
        assertEquals(Optional.of(expected), GradeDomain.parse(key));
    }

    @Test
    void everyDomainParsesFromItsOwnNameAndLowerCase() {
        for (GradeDomain d : GradeDomain.values()) {
            assertEquals(Optional.of(d), GradeDomain.parse(d.name()));
            assertEquals(Optional.of(d), GradeDomain.parse(d.name().toLowerCase(Locale.ROOT)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "risk", "voice", "OVERALL", "overall quality", "recognitionofrisk!", "GRADE", "JOINT"})
    void unknownKeysAreEmpty(String key) {
        assertEquals(Optional.empty(), GradeDomain.parse(key), key);
    }

    @Test
    void nullIsEmpty() {
        assertEquals(Optional.empty(), GradeDomain.parse(null));
    }
}
