package uk.opcc.funding.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.Publisher;

/**
 * The office's contact details in a page's text: {@code {{email}}}, {@code {{phone}}},
 * {@code {{address}}} and {@code {{name}}} in a content file's Markdown become the details in
 * {@code data/opcc.yml}, so they are typed once and another office's pages carry its own. The
 * email and telephone number become links. An unknown {@code {{...}}} fails the bake naming the
 * file, rather than reaching a reader as typed.
 */
final class ContactPlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]*)\\s*}}");

    private final Map<String, String> markdown = new LinkedHashMap<>();

    ContactPlaceholders(Publisher opcc) {
        markdown.put("email", "[" + opcc.email() + "](mailto:" + opcc.email() + ")");
        markdown.put("phone", "[" + opcc.phone() + "](tel:" + opcc.phoneLink() + ")");
        markdown.put("address", String.join(", ", opcc.address()));
        markdown.put("name", opcc.name());
    }

    /**
     * @param file    the content file, as its problem names it (content/strategy.md)
     * @param text    its Markdown
     * @throws CatalogueException naming the file and each unknown placeholder
     */
    String fill(String file, String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        List<String> unknown = new java.util.ArrayList<>();
        while (matcher.find()) {
            String value = markdown.get(matcher.group(1));
            if (value == null) {
                unknown.add(file + ": unknown placeholder " + matcher.group() + "; use one of "
                        + markdown.keySet().stream().map(k -> "{{" + k + "}}").toList());
                continue;
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        if (!unknown.isEmpty()) {
            throw new CatalogueException(unknown);
        }
        return matcher.appendTail(filled).toString();
    }
}
