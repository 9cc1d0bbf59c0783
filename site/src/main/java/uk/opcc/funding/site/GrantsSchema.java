package uk.opcc.funding.site;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;

/**
 * The official 360Giving package schema, version 1.4.3, vendored in {@code 360giving/1.4.3/} with
 * its attribution (CC BY 4.0), and every {@code grants.json} the bake writes checked against it.
 * The schema files name themselves by their 1.4.2 addresses on GitHub; those are resolved to the
 * copies on the class path, so the check never fetches anything.
 */
final class GrantsSchema {
    private static final String PUBLISHED = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/";
    private static final String VENDORED = "classpath:360giving/1.4.3/";

    /**
     * JSON Schema 2020-12 with 360Giving's own keywords named: {@code codelist}, {@code openCodelist}
     * and {@code rollUp} say which codelist a field draws on and how a spreadsheet flattens it, notes
     * that 360Giving's tools read and JSON Schema does not check. Unnamed, the validator treats them
     * just the same but warns of each on the console when the schema is first read (the preview's too).
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .keyword(new NonValidationKeyword("codelist"))
            .keyword(new NonValidationKeyword("openCodelist"))
            .keyword(new NonValidationKeyword("rollUp"))
            .build();

    private static final Schema PACKAGE = SchemaRegistry.withDefaultDialect(DIALECT, registry -> registry
                    .schemaIdResolvers(ids -> ids.mapPrefix(PUBLISHED, VENDORED))
                    // 2020-12 treats format as a note unless asked; 360Giving's dates choose between date-time and a date by it.
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(SchemaLocation.of(PUBLISHED + "360-giving-package-schema.json"));

    private GrantsSchema() {
    }

    /** Each way the package breaks the schema, naming the field (like {@code /grants/0/amountAwarded}); empty when it meets it. */
    static List<String> problems(String json) {
        List<Error> errors = PACKAGE.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> GrantsData.JSON + ": " + location(e) + ": " + e.getMessage()).distinct().toList();
    }

    /** The field as a JSON Pointer from the package's root; the root itself is "/". */
    private static String location(Error error) {
        String at = error.getInstanceLocation().toString();
        return at.isEmpty() ? "/" : at;
    }

    /** @throws SiteBaker.BakeException listing every problem, when the package does not meet the schema */
    static void check(String json) {
        List<String> problems = problems(json);
        if (!problems.isEmpty()) {
            throw new SiteBaker.BakeException(GrantsData.JSON + " does not meet the 360Giving schema 1.4.3:\n  - " + String.join("\n  - ", problems));
        }
    }
}
