package dev.supernodetwin.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A rules file with three rules, each wrong in its own way, for the commands that take {@code --rules}. */
public final class BadRulesFile {
    /** The start of each problem reported for the file, in file order. */
    public static final List<String> PROBLEMS = List.of("rules[0]: ewma: lambda must be in (0, 1]",
            "rules[1].kind: unknown 'toaster'", "rules[2]: minus_supply applies to cdu");

    private BadRulesFile() {
    }

    /** Writes the file into {@code dir} and returns its path. */
    public static Path write(Path dir) throws IOException {
        return Files.writeString(dir.resolve("bad-rules.yaml"), """
                rules:
                  - {id: A, kind: gpu, metric: temp_c, ewma: {lambda: 1.5, min_sigma: 0.5}}
                  - {id: B, kind: toaster, metric: temp_c, ewma: {min_sigma: 1}}
                  - {id: C, kind: ocs, metric: out_dbm, transform: minus_supply, cusum: {min_sigma: 0.2}}
                """);
    }
}
