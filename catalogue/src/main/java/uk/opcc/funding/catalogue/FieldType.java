package uk.opcc.funding.catalogue;

/** The kinds of question a form can ask; each has its own rule in the intake's validator. */
public enum FieldType {
    TEXT, TEXTAREA, EMAIL, PHONE, POSTCODE, MONEY, DATE, RADIOS, CHECKBOXES, DECLARATION;

    public String slug() {
        return name().toLowerCase();
    }

    public boolean hasOptions() {
        return this == RADIOS || this == CHECKBOXES;
    }

    static FieldType fromSlug(String slug) {
        for (FieldType type : values()) {
            if (type.slug().equals(slug)) {
                return type;
            }
        }
        return null;
    }
}
