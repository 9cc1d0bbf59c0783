package uk.opcc.funding.catalogue;

import java.util.List;

/** The site's source breaks a rule; every problem is listed, each naming its file. */
public class CatalogueException extends RuntimeException {
    private final List<String> problems;

    public CatalogueException(List<String> problems) {
        super("The site's funds and calls have " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + ":\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
