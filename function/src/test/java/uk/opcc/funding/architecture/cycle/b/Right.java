package uk.opcc.funding.architecture.cycle.b;

import uk.opcc.funding.architecture.cycle.a.Left;

/** The other half of the package cycle ArchitectureTest must find. */
public final class Right {
    Left left;
}
