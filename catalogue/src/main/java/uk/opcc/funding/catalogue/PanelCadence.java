package uk.opcc.funding.catalogue;

/** How often a fund's panel decides; sets which panel round an application joins. */
public enum PanelCadence {
    QUARTERLY, MONTHLY, NONE;

    public String slug() {
        return name().toLowerCase();
    }

    static PanelCadence fromSlug(String slug) {
        for (PanelCadence cadence : values()) {
            if (cadence.slug().equals(slug)) {
                return cadence;
            }
        }
        return null;
    }
}
