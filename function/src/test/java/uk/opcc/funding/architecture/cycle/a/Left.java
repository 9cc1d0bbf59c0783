package uk.opcc.funding.architecture.cycle.a;

import uk.opcc.funding.architecture.cycle.b.Right;

/** Half of a package cycle kept for ArchitectureTest to prove its rule finds one. */
public final class Left {
    Right right;
}
