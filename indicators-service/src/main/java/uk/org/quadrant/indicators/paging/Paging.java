package uk.org.quadrant.indicators.paging;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import uk.org.quadrant.indicators.problem.InvalidRequestException;
import uk.org.quadrant.indicators.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Optional paging of a list endpoint, as in audits-service and actions-service: {@code ?page=P&size=S}
 * (pages from 0; size {@value #DEFAULT_SIZE} unless given, at most {@value #MAX_SIZE}). Without either
 * parameter the answer is the whole list, as before paging existed (the gateway sends neither); a
 * page carries the whole list's length in {@value #TOTAL_HEADER}.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;
    public static final String TOTAL_HEADER = "X-Total-Count";

    /** Null when neither parameter was sent; a 400 naming the field for a negative page or a size outside 1..MAX_SIZE. */
    public static Paging of(Integer page, Integer size) {
        if (page == null && size == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        if (page != null && page < 0) {
            errors.add(new FieldError("page", "must be 0 or more (pages count from 0)"));
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** This page of the list; empty past its end. */
    public <T> List<T> slice(List<T> all) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /** 200 with the whole list, or with the page asked for and {@value #TOTAL_HEADER}. */
    public static <T> MutableHttpResponse<List<T>> respond(Paging paging, List<T> all) {
        if (paging == null) {
            return HttpResponse.ok(all);
        }
        return HttpResponse.ok(paging.slice(all)).header(TOTAL_HEADER, Integer.toString(all.size()));
    }
}
