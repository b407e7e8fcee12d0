package uk.org.quadrant.common.testing.support;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A route's URI template as the engines fill it: {@code {name}} and {@code {name:regex}} variables. */
public final class UriTemplates {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:?/]+)(:[^}]*)?}");

    private UriTemplates() {
    }

    /** Fills each variable from the map; fails on a variable the map has no value for. */
    public static String expand(String template, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new AssertionError("no value for {" + m.group(1) + "} of " + template + " in " + vars);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The names of the template's variables. */
    public static Set<String> variables(String template) {
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }
}
