package dev.supernodetwin.ingest.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.alert.AlertEvent.Severity;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which alert events a receiver gets: by kind, category and least severity. The notifier applies it
 * to the first events of an alert; once an event of an alert has passed, the receiver gets every later
 * event of it, its resolve included, whatever they say.
 *
 * @param kinds       kinds passed
 * @param categories  categories passed
 * @param minSeverity the least severity passed
 */
public record AlertFilter(Set<Kind> kinds, Set<Category> categories, Severity minSeverity)
        implements Predicate<AlertEvent> {

    /** Copies the sets. */
    public AlertFilter {
        kinds = Set.copyOf(kinds);
        categories = Set.copyOf(categories);
        java.util.Objects.requireNonNull(minSeverity, "minSeverity");
    }

    /** Every alert event. */
    public static AlertFilter all() {
        return new AlertFilter(EnumSet.allOf(Kind.class), EnumSet.allOf(Category.class), Severity.WARNING);
    }

    @Override
    public boolean test(AlertEvent e) {
        return kinds.contains(e.kind()) && categories.contains(e.category())
                && e.severity().compareTo(minSeverity) >= 0;
    }
}
