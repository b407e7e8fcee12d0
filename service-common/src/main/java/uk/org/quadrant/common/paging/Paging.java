package uk.org.quadrant.common.paging;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import uk.org.quadrant.common.problem.InvalidRequestException;
import uk.org.quadrant.common.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Optional paging of a list endpoint: {@code ?page=P&size=S} (page from 0; size {@value #DEFAULT_SIZE}
 * by default, at most {@value #MAX_SIZE}). A caller that sends neither gets the whole list, as before
 * paging existed; a paged answer carries the whole list's length in {@value #TOTAL_HEADER}.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;
    public static final String TOTAL_HEADER = "X-Total-Count";

    /** Null when neither parameter was sent (no paging); 400 for a negative page or a size outside 1..MAX_SIZE. */
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

    /** How many rows come before this page: {@code page × size} (for a query that pages in the database). */
    public long offset() {
        return (long) page * size;
    }

    /** This page of the list (empty past the end). */
    public <T> List<T> slice(List<T> all) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /** 200 with the list, paged when asked (with {@value #TOTAL_HEADER}), whole otherwise. */
    public static <T> MutableHttpResponse<List<T>> respond(Paging paging, List<T> all) {
        if (paging == null) {
            return HttpResponse.ok(all);
        }
        return HttpResponse.ok(paging.slice(all)).header(TOTAL_HEADER, Integer.toString(all.size()));
    }
}
