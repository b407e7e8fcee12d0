package uk.org.quadrant.gateway.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A posted form as the admin pages read it: a field is a trimmed string (empty when absent), and a
 * field sent more than once (checkboxes) is a list. Keeps the controllers free of casting.
 */
record FormData(Map<String, Object> fields) {

    static FormData of(Map<String, Object> body) {
        return new FormData(body == null ? Map.of() : body);
    }

    String text(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? "" : all.get(0).trim();
    }

    /** The raw value, untrimmed: passwords are taken exactly as typed. */
    String raw(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? "" : all.get(0);
    }

    List<String> all(String name) {
        Object value = fields.get(name);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(value.toString());
        }
        return out;
    }

    boolean checked(String name) {
        String v = text(name);
        return v.equals("true") || v.equals("on") || v.equals("yes");
    }
}
