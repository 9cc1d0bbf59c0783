package uk.opcc.funding.catalogue;

import java.util.List;
import java.util.Optional;

/** An application form for one fund; a targeted call uses its fund's form with the call's cap and window. */
public record FormDefinition(String id, String fundId, String title, List<FormField> fields) {

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    public Optional<FormField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
