package dev.supernodetwin.app.config;

import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.ingest.rules.InvalidRulesException;
import dev.supernodetwin.ingest.rules.RulesReader;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A detection rules file as every command takes it ({@code --rules}, {@code TWIN_RULES}): read with
 * {@link RulesReader} over {@link RuleSet#defaults()}, with every problem reported, not just the first.
 */
public final class RulesFile {
    private RulesFile() {
    }

    /**
     * The rules of {@code file} applied over the defaults. Each problem (in the file, or in the set it
     * makes) goes to {@code problems}; when there is any, the defaults are returned and must not be used.
     */
    public static RuleSet read(Path file, Consumer<String> problems) {
        try {
            RuleSet rules = new RulesReader().read(file);
            // The reader checks each rule on its own; the detection engine also refuses a set whose rules
            // shadow each other, so that is checked here too, before anything starts.
            rules.validate().forEach(p -> problems.accept(p.toString()));
            return rules;
        } catch (InvalidRulesException e) {
            e.problems().forEach(problems);
        } catch (UncheckedIOException e) {
            problems.accept("cannot be read: " + e.getCause().getMessage());
        }
        return RuleSet.defaults();
    }

    /** Which rules are in use, for a start-up line: {@code rules from FILE over the defaults (45 rules)}. */
    public static String describe(Optional<Path> file, RuleSet rules) {
        return file.map(f -> "rules from " + f + " over the defaults").orElse("the default rules") + " ("
                + rules.rules().size() + " rules)";
    }
}
