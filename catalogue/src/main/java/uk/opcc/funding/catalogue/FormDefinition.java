package uk.opcc.funding.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An application form for one fund; a targeted call uses its fund's form with the call's cap and window.
 *
 * @param maxAmount the most its amount question accepts where the fund has no cap of its own
 *                  (set in forms.yml, for the OPCC to confirm); empty otherwise
 */
public record FormDefinition(String id, String fundId, String title, List<FormField> fields, Optional<BigDecimal> maxAmount) {

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    public Optional<FormField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public boolean asksForMoney() {
        return fields.stream().anyMatch(f -> f.type() == FieldType.MONEY);
    }
}
