package uk.org.quadrant.gateway.web.forms;

import uk.org.quadrant.gateway.clients.Reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The errors of one form, for the error summary ({@link #list()}) and for the inline message of each
 * field ({@link #byField()}). A service's problem+json names its JSON fields ({@code numerator},
 * {@code themes[0]}); each form says which of its inputs shows them and how the field is called, so
 * the user reads "Numerator must be at least 0" beside the right box. An error about no input of the
 * form goes to the summary without a link.
 */
public final class FormErrors {

    private final Map<String, Field> fields;
    private final String fallbackField;
    private final boolean inputsNamedLikeFields;
    private final List<FormError> list = new ArrayList<>();
    private final Map<String, String> byField = new LinkedHashMap<>();

    /**
     * @param fields        service field name → (form input id, label); unknown fields link to {@code fallbackField}
     * @param fallbackField the input an error about no particular field links to ("" for no link)
     */
    public FormErrors(Map<String, Field> fields, String fallbackField) {
        this(fields, fallbackField, false);
    }

    private FormErrors(Map<String, Field> fields, String fallbackField, boolean inputsNamedLikeFields) {
        this.fields = fields;
        this.fallbackField = fallbackField;
        this.inputsNamedLikeFields = inputsNamedLikeFields;
    }

    /** A form input: its id and the words that name it in a message. */
    public record Field(String id, String label) {
    }

    public static FormErrors none() {
        return new FormErrors(Map.of(), "");
    }

    /** A form whose inputs are called like the fields it checks itself (the admin forms): each error links to its input. */
    public static FormErrors byInputName() {
        return new FormErrors(Map.of(), "", true);
    }

    /**
     * A form whose inputs carry the service's field names: {@code inputs} are linked, every other field's
     * error goes to the summary unlinked; {@code labels} name the fields in messages.
     */
    public static FormErrors forInputs(Set<String> inputs, Map<String, String> labels) {
        Map<String, Field> fields = new LinkedHashMap<>();
        inputs.forEach(i -> fields.put(i, new Field(i, labels.getOrDefault(i, i))));
        labels.forEach((name, label) -> fields.putIfAbsent(name, new Field("", label)));
        return new FormErrors(fields, "", true);
    }

    /** An error found by the gateway itself (a number that is not a number), in the user's words. */
    public FormErrors add(String serviceField, String message) {
        Field f = fields.get(serviceField);
        String id = f != null ? f.id() : inputsNamedLikeFields ? serviceField : fallbackField;
        list.add(new FormError(id, message));
        if (!id.isEmpty()) {
            byField.putIfAbsent(id, message);
        }
        return this;
    }

    /** A message for the whole form (e.g. "the service did not answer"), not tied to an input. */
    public FormErrors general(String message) {
        list.add(new FormError("", message));
        return this;
    }

    /** The service's field errors, or its detail when it named no field. */
    public FormErrors addAll(Reply<?> reply) {
        List<Reply.FieldError> errors = reply.fieldErrors();
        if (errors.isEmpty() && inputsNamedLikeFields) {
            general(sentence(reply.detail()));
        } else if (errors.isEmpty()) {
            add("", sentence(reply.detail()));
        }
        for (Reply.FieldError e : errors) {
            String name = root(e.field());
            Field f = fields.get(name);
            if (f == null && inputsNamedLikeFields) {
                general(phrase(e.field(), e.message()));
            } else {
                add(name, f == null ? sentence(e.message()) : phrase(f.label(), e.message()));
            }
        }
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FormError> list() {
        return List.copyOf(list);
    }

    public Map<String, String> byField() {
        return new LinkedHashMap<>(byField);
    }

    /** Puts the summary ({@code errors}) and the inline messages ({@code fieldErrors}) in a page's model. */
    public void into(Map<String, Object> model) {
        model.put("errors", list());
        model.put("fieldErrors", byField());
    }

    /** A page without errors still has both, so its template needs no null checks. */
    public static void none(Map<String, Object> model) {
        none().into(model);
    }

    /** {@code themes[0]} and {@code domainGrades.impact} belong to the {@code themes} / {@code domainGrades} input. */
    static String root(String field) {
        int cut = field.length();
        for (char c : new char[]{'[', '.'}) {
            int i = field.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return field.substring(0, cut);
    }

    /**
     * "must not be blank" after the label reads as a sentence, and so does a message that starts by quoting the
     * value ("'2017' is not a FINANCIAL_YEAR period"); any other message follows the label after a colon.
     */
    static String phrase(String label, String message) {
        String m = message.trim();
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.startsWith("'")) {
            return label + " " + m;
        }
        for (String start : List.of("must ", "is ", "are ", "does ", "grades ", "cannot ", "can ", "size ", "should ")) {
            if (lower.startsWith(start)) {
                return label + " " + m;
            }
        }
        return label + ": " + m;
    }

    static String sentence(String message) {
        String m = message == null ? "" : message.trim();
        return m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}
