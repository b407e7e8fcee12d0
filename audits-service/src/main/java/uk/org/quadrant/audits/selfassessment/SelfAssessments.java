package uk.org.quadrant.audits.selfassessment;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.org.quadrant.common.access.Agencies;
import uk.org.quadrant.common.access.Caller;
import uk.org.quadrant.common.changelog.ChangeRecorder;
import uk.org.quadrant.common.problem.InvalidRequestException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Section 11 self-assessments. An agency rates itself GREEN/AMBER/RED with evidence against each
 * standard for a cycle; starting a new cycle carries the last cycle's ratings and evidence forward
 * for editing; the board (manager or chair) adds a moderation or challenge comment per standard —
 * the one thing the chair writes. An agency sees only its own; the board sees all.
 */
@Singleton
public class SelfAssessments {

    private final StandardRepository standards;
    private final AssessmentRepository assessments;
    private final RatingRepository ratings;
    private final Agencies agencies;
    private final ChangeRecorder changes;

    SelfAssessments(StandardRepository standards, AssessmentRepository assessments, RatingRepository ratings, Agencies agencies,
                    ChangeRecorder changes) {
        this.standards = standards;
        this.assessments = assessments;
        this.ratings = ratings;
        this.agencies = agencies;
        this.changes = changes;
    }

    public List<Standard> standards() {
        return standards.inOrder();
    }

    /** The board manager adds a standard (or retires one with {@code active=false}); ratings keep their history. */
    @Transactional
    public Standard defineStandard(Section11Requests.DefineStandard request, Caller caller) {
        var current = standards.findById(request.code());
        Standard next = new Standard(request.code(), request.title().trim(), request.description(),
                request.ordinal() == null ? current.map(Standard::ordinal).orElse(standards.inOrder().size() + 1) : request.ordinal(),
                request.active() == null || request.active());
        Standard saved = current.isPresent() ? standards.update(next) : standards.save(next);
        changes.record(caller, "s11-standard", saved.code(), current.isPresent() ? "UPDATE" : "CREATE", current.orElse(null), saved);
        return saved;
    }

    public List<AssessmentView> list(Caller caller) {
        return assessments.inOrder().stream().filter(a -> visible(caller, a)).map(this::view).toList();
    }

    public AssessmentView get(long id, Caller caller) {
        return view(require(id, caller));
    }

    @Transactional
    public AssessmentView start(Section11Requests.Start request, Caller caller) {
        String agency = request.agency() == null || request.agency().isBlank() ? caller.agency() : request.agency();
        if (!agencies.exists(agency)) {
            throw new InvalidRequestException("agency", "is not a known agency code");
        }
        if (!caller.mayWriteFor(agency)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "You can only start your own agency's self-assessment");
        }
        if (assessments.existsByAgencyAndCycle(agency, request.cycle())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, agency + " already has a self-assessment for " + request.cycle());
        }
        var previous = assessments.latestBefore(agency, request.cycle());
        Instant now = Instant.now();
        Assessment created = assessments.save(new Assessment(null, agency, request.cycle(),
                previous.map(Assessment::id).orElse(null), caller.username(), now));
        if (previous.isPresent()) {
            List<Rating> carried = new ArrayList<>();
            for (Rating r : ratings.of(previous.get().id())) {
                // Rating and evidence carry forward for editing; last cycle's challenge stays with last cycle.
                carried.add(new Rating(null, created.id(), r.standardCode(), r.rag(), r.evidence(), null, null, null,
                        caller.username(), now, null));
            }
            ratings.saveAll(carried);
        }
        AssessmentView view = view(created);
        changes.record(caller, "self-assessment", created.id().toString(), "START", null, view);
        return view;
    }

    @Transactional
    public AssessmentView rate(long id, String standardCode, Section11Requests.Rate request, Caller caller) {
        Assessment assessment = require(id, caller);
        if (!caller.mayWriteFor(assessment.agency())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only " + assessment.agency() + " rates its own standards");
        }
        Standard standard = standard(standardCode);
        var current = ratings.findByAssessmentIdAndStandardCode(id, standard.code());
        if (current.isPresent() && !Objects.equals(current.get().version(), request.version())) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "Someone else changed this rating (now version "
                    + current.get().version() + "); reload it and try again");
        }
        Instant now = Instant.now();
        Rating next = current.map(r -> new Rating(r.id(), id, r.standardCode(), request.rag(), request.evidence(), r.boardComment(),
                        r.boardCommentBy(), r.boardCommentAt(), caller.username(), now, r.version()))
                .orElseGet(() -> new Rating(null, id, standard.code(), request.rag(), request.evidence(), null, null, null,
                        caller.username(), now, null));
        Rating saved = current.isPresent() ? ratings.update(next) : ratings.save(next);
        changes.record(caller, "self-assessment-rating", id + "/" + standard.code(), current.isPresent() ? "UPDATE" : "CREATE",
                current.map(Rating::rag).orElse(null), saved.rag());
        return view(assessment);
    }

    @Transactional
    public AssessmentView challenge(long id, String standardCode, Section11Requests.Challenge request, Caller caller) {
        Assessment assessment = require(id, caller);
        if (!caller.isBoard()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Only the board moderates self-assessments");
        }
        Standard standard = standard(standardCode);
        Rating current = ratings.findByAssessmentIdAndStandardCode(id, standard.code())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.CONFLICT, "This standard has not been rated yet"));
        Instant now = Instant.now();
        ratings.update(new Rating(current.id(), id, current.standardCode(), current.rag(), current.evidence(),
                request.comment().trim(), caller.username(), now, current.updatedBy(), current.updatedAt(), current.version()));
        changes.record(caller, "self-assessment-challenge", id + "/" + standard.code(), "CHALLENGE", current.boardComment(),
                request.comment().trim());
        return view(assessment);
    }

    private Standard standard(String code) {
        return standards.findById(code).filter(s -> s.active() && s.code().equals(code))
                .orElseThrow(() -> new InvalidRequestException("standard", "'" + code + "' is not a Section 11 standard"));
    }

    private Assessment require(long id, Caller caller) {
        return assessments.findById(id).filter(a -> visible(caller, a))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No self-assessment " + id));
    }

    private static boolean visible(Caller caller, Assessment a) {
        return caller.isBoard() || caller.agency().equals(a.agency());
    }

    private AssessmentView view(Assessment a) {
        Map<String, Rating> byStandard = ratings.of(a.id()).stream().collect(Collectors.toMap(Rating::standardCode, Function.identity()));
        List<AssessmentView.Row> rows = new ArrayList<>();
        int green = 0;
        int amber = 0;
        int red = 0;
        int unrated = 0;
        for (Standard s : standards.inOrder()) {
            if (!s.active()) {
                continue;
            }
            Rating r = byStandard.get(s.code());
            String rag = r == null ? null : r.rag();
            if (rag == null) {
                unrated++;
            } else if (rag.equals("GREEN")) {
                green++;
            } else if (rag.equals("AMBER")) {
                amber++;
            } else {
                red++;
            }
            rows.add(new AssessmentView.Row(s.code(), s.title(), rag, r == null ? null : r.evidence(),
                    r == null ? null : r.boardComment(), r == null ? null : r.boardCommentBy(), r == null ? null : r.boardCommentAt(),
                    r == null ? null : r.updatedBy(), r == null ? null : r.version()));
        }
        return new AssessmentView(a.id(), a.agency(), a.cycle(), a.carriedFrom(), rows, green, amber, red, unrated);
    }
}
