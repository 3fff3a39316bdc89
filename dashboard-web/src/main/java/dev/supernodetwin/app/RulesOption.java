package dev.supernodetwin.app;

import dev.supernodetwin.app.config.RulesFile;
import dev.supernodetwin.core.detect.RuleSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code --rules FILE} for the commands that detect: rules over the built-in ones, every problem a usage error. */
final class RulesOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Detection rules over the built-in ones (YAML or JSON; see rules/default-rules.yaml).")
    Path file;

    /** Whether a rules file was given. */
    boolean given() {
        return file != null;
    }

    /**
     * The defaults with the file applied.
     *
     * @throws ParameterException listing every problem of the file (picocli exits 2, as for other bad input)
     */
    RuleSet rules() {
        if (file == null) {
            return RuleSet.defaults();
        }
        List<String> problems = new ArrayList<>();
        RuleSet rules = RulesFile.read(file, problems::add);
        if (!problems.isEmpty()) {
            throw new ParameterException(mixee.commandLine(), "--rules " + file + ": " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "\n  - " + String.join("\n  - ", problems));
        }
        return rules;
    }

    /** Which rules are in use, for a line of output. */
    String describe(RuleSet rules) {
        return RulesFile.describe(Optional.ofNullable(file), rules);
    }
}
