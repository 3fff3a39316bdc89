package dev.supernodetwin.app;

import dev.supernodetwin.core.sim.Durations;
import dev.supernodetwin.dashboard.live.LiveFeed;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --live-tick}: how often the live stream updates pages, for the commands that serve the dashboard. */
final class LiveTickOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--live-tick", defaultValue = "250ms", paramLabel = "D",
            description = "How often the live stream updates pages, at least 50ms (default: ${DEFAULT-VALUE}).")
    String tick;

    /** The tick in milliseconds; a usage error when unreadable or below the minimum. */
    long millis() {
        long ms;
        try {
            ms = Durations.parse(tick);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--live-tick: '" + tick + "' is not a duration like 250ms");
        }
        if (ms < LiveFeed.MIN_TICK_MILLIS) {
            throw new ParameterException(spec.commandLine(), "--live-tick must be at least "
                    + LiveFeed.MIN_TICK_MILLIS + "ms, was " + tick);
        }
        return ms;
    }
}
