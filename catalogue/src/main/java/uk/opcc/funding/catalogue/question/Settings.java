package uk.opcc.funding.catalogue.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One question's settings as forms.yml (or catalogue.json) gives them, for its kind to read; what
 * is wrong with them is added to {@code problems}, each starting with {@code where}.
 */
public final class Settings {
    private final String where;
    private final Map<?, ?> map;
    private final List<String> problems;

    public Settings(String where, Map<?, ?> map, List<String> problems) {
        this.where = where;
        this.map = map;
        this.problems = problems;
    }

    /** The setting as text, stripped; null when absent or blank. */
    public String text(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    /** A whole-number setting; null when absent, and a problem when it is not a whole number. */
    public Integer integer(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        problem(key + " must be a whole number");
        return null;
    }

    /** A choice question's options, each a value sent and a label shown. */
    public List<FormField.Option> options(String kind) {
        List<FormField.Option> options = new ArrayList<>();
        if (map.get("options") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> option && new Settings(where, option, problems).text("value") != null
                        && new Settings(where, option, problems).text("label") != null) {
                    Settings o = new Settings(where, option, problems);
                    options.add(new FormField.Option(o.text("value"), o.text("label")));
                } else {
                    problem("each option needs a 'value' and a 'label'");
                }
            }
        }
        if (options.isEmpty()) {
            problem("a " + kind + " question needs 'options'");
        }
        return options;
    }

    public void problem(String problem) {
        problems.add(where + ": " + problem);
    }
}
