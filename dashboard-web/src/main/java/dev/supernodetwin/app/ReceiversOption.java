package dev.supernodetwin.app;

import dev.supernodetwin.app.config.ReceiversFile;
import dev.supernodetwin.ingest.notify.Receivers;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --receivers FILE} (or {@code TWIN_RECEIVERS}) for commands that notify: every problem a usage error. */
final class ReceiversOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--receivers", paramLabel = "FILE",
            description = "Send alerts to Alertmanager and webhooks as this file says (YAML or JSON; see "
                    + "docs/alerting.md). Default: TWIN_RECEIVERS, else none.")
    Path file;

    /** The file given by the flag, else by {@code TWIN_RECEIVERS} in {@code env}. */
    Optional<Path> file(Map<String, String> env) {
        if (file != null) {
            return Optional.of(file);
        }
        String fromEnv = env.get("TWIN_RECEIVERS");
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv));
    }

    /**
     * The receivers, none without a file.
     *
     * @throws ParameterException listing every problem of the file (picocli exits 2, as for other bad input)
     */
    Receivers receivers(Map<String, String> env) {
        Optional<Path> path = file(env);
        if (path.isEmpty()) {
            return Receivers.none();
        }
        List<String> problems = new ArrayList<>();
        Receivers receivers = ReceiversFile.read(path.get(), env, problems::add);
        if (!problems.isEmpty()) {
            throw new ParameterException(mixee.commandLine(), "--receivers " + path.get() + ": " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "\n  - " + String.join("\n  - ", problems));
        }
        return receivers;
    }
}
