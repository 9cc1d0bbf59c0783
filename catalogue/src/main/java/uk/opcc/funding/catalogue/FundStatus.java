package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.text.Money;
/** Whether, and how, a fund takes applications. The label is what the site shows. */
public enum FundStatus {
    OPEN("Open"),
    /** Money is committed through partners or procurement; there is no public application. */
    BY_INVITATION("By invitation"),
    CLOSED("Closed"),
    /** The fund has finished for good; its pages stay up, marked historic. */
    ENDED("Ended");

    private final String label;

    FundStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    static FundStatus fromSlug(String slug) {
        for (FundStatus status : values()) {
            if (status.slug().equals(slug)) {
                return status;
            }
        }
        return null;
    }
}
