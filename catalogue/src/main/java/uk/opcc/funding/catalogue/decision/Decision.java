package uk.opcc.funding.catalogue.decision;

import java.time.LocalDate;
import java.util.List;

/**
 * One fund round's decision, from {@code data/decisions/<fund>-<round>.yml}: who decided, when,
 * and one entry per application in the round. Only a {@link Status#FINAL} decision is published,
 * and of it only the awards.
 *
 * @param file   the file as a problem names it ({@code data/decisions/safer-villages-fund-NV-2029-R3.yml})
 * @param id     the file's name without {@code .yml}: the notice's address
 * @param notice the decision notice in plain English, as Markdown
 */
public record Decision(String file, String id, String fundId, String roundId, LocalDate decided, String decidedBy,
                       Status status, List<Entry> entries, String notice) {

    public Decision {
        entries = List.copyOf(entries);
    }

    public enum Status {
        /** Being filled in: checked, never published. */
        DRAFT,
        /** Every application decided: its awards are published. */
        FINAL;

        static Status fromSlug(String slug) {
            return switch (slug == null ? "" : slug) {
                case "draft" -> DRAFT;
                case "final" -> FINAL;
                default -> null;
            };
        }
    }

    /** The notice's address on the site, relative to its root. */
    public String uri() {
        return "decisions/" + id + ".html";
    }

    public boolean isFinal() {
        return status == Status.FINAL;
    }

    public List<Entry.Award> awards() {
        return entries.stream().filter(Entry.Award.class::isInstance).map(Entry.Award.class::cast).toList();
    }

    public List<Entry.Decline> declines() {
        return entries.stream().filter(Entry.Decline.class::isInstance).map(Entry.Decline.class::cast).toList();
    }
}
