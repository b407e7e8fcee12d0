package uk.org.quadrant.gateway.web.forms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A posted form as the user typed it: read once, handed back to the page unchanged when it is shown
 * again (after an error or a conflict), so nothing the user wrote is lost.
 */
public final class Form {

    private final Map<String, Object> fields;

    public Form(@Nullable Map<String, Object> fields) {
        this.fields = fields == null ? Map.of() : fields;
    }

    /** The field trimmed, or null when it is missing or blank. */
    @Nullable
    public String text(String name) {
        Object v = fields.get(name);
        if (v instanceof List<?> l) {
            v = l.isEmpty() ? null : l.get(0);
        }
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** The field trimmed, or "" when it is missing: for forms shown again exactly as typed. */
    public String value(String name) {
        String s = text(name);
        return s == null ? "" : s;
    }

    /** The field exactly as typed, untrimmed, or "" when it is missing: passwords are taken as they are. */
    public String raw(String name) {
        Object v = fields.get(name);
        if (v instanceof List<?> l) {
            v = l.isEmpty() ? null : l.get(0);
        }
        return v == null ? "" : v.toString();
    }

    /** A checkbox or yes/no field that is ticked. */
    public boolean checked(String name) {
        String v = value(name);
        return v.equals("true") || v.equals("on") || v.equals("yes");
    }

    /** Every value of a repeated field (checkboxes). */
    public List<String> all(String name) {
        Object v = fields.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.stream().filter(o -> o != null && !o.toString().isBlank()).forEach(o -> out.add(o.toString().trim()));
        } else if (v != null && !v.toString().isBlank()) {
            out.add(v.toString().trim());
        }
        return out;
    }

    /**
     * A number field: null when blank, the number when it is one ("1,234" is read as 1234), and an
     * error added to {@code errors} when it is not.
     */
    @Nullable
    public BigDecimal number(String name, String serviceField, String label, FormErrors errors) {
        String s = text(name);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(serviceField, label + " must be a number, like 45 or 12.5");
            return null;
        }
    }

    @Nullable
    public Long version() {
        String s = text("version");
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The page again, with the given status (400, 409, 503) and model. */
    public static HttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }

    /** Post/Redirect/Get: back to {@code target} with a success banner. */
    public static MutableHttpResponse<?> done(String target, Notice notice) {
        return HttpResponse.seeOther(URI.create(notice.on(target)));
    }

    /** Post/Redirect/Get with a banner that names what changed ("User jo.bloggs added"). */
    public static MutableHttpResponse<?> done(String target, Notice notice, String subject) {
        return HttpResponse.seeOther(URI.create(notice.on(target, subject)));
    }
}
