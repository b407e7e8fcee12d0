package uk.org.quadrant.gateway.admin;

import uk.org.quadrant.gateway.clients.Reply;
import uk.org.quadrant.gateway.identity.signin.FormError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The errors of one form, in the order the fields appear: the list feeds the GOV.UK error summary
 * (each entry links to its field), the map the inline message next to each field. Errors a service
 * sent for fields the form does not have go to the summary without a link.
 */
final class FormErrors {

    private final List<FormError> list = new ArrayList<>();
    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String message) {
        list.add(new FormError(field, message));
        byField.putIfAbsent(field, message);
    }

    /** A message for the whole form (e.g. "the service did not answer"), not tied to a field. */
    void general(String message) {
        list.add(new FormError("", message));
    }

    List<FormError> all() {
        return List.copyOf(list);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /**
     * The field errors of a service's problem+json answer, with the service's field names mapped to
     * the form's (they are the same on the admin forms); a problem without field errors becomes one
     * message for the whole form.
     */
    static FormErrors fromReply(Reply<?> reply, Set<String> formFields, Map<String, String> labels) {
        FormErrors errors = new FormErrors();
        for (Reply.FieldError e : reply.fieldErrors()) {
            String label = labels.getOrDefault(e.field(), e.field());
            String message = label.isEmpty() ? e.message() : label + " " + e.message();
            if (formFields.contains(e.field())) {
                errors.add(e.field(), message);
            } else {
                errors.general(message);
            }
        }
        if (errors.isEmpty()) {
            errors.general(reply.detail());
        }
        return errors;
    }

    void into(Map<String, Object> model) {
        model.put("errors", List.copyOf(list));
        model.put("fieldErrors", new LinkedHashMap<>(byField));
    }

    static void none(Map<String, Object> model) {
        model.put("errors", List.of());
        model.put("fieldErrors", Map.of());
    }
}
