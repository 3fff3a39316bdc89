package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;

import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * What every receiver sends with: the HTTP transport, the clock, the sleeper and random numbers for
 * backoff, and the silence test. Real ones in production, fakes in tests.
 *
 * @param transport how requests are posted
 * @param clock     wall-clock time (re-send schedule, Alertmanager {@code endsAt})
 * @param sleeper   waits between webhook attempts
 * @param random    uniform draws in [0, 1) for backoff jitter
 * @param silenced  whether an alert is silenced now; called on the writer thread and on the sender
 *                  threads, so it must be thread-safe and must not block
 */
public record SendContext(Transport transport, InstantSource clock, Sleeper sleeper, DoubleSupplier random,
                          Predicate<AlertEvent> silenced) {

    /** Requires every part. */
    public SendContext {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(silenced, "silenced");
    }

    /** Real HTTP, the system clock, real sleeps; {@code silenced} as given. */
    public static SendContext system(Predicate<AlertEvent> silenced) {
        return new SendContext(new HttpTransport(), InstantSource.system(), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble(), silenced);
    }

    /** Nothing silenced. */
    public static Predicate<AlertEvent> nothingSilenced() {
        return e -> false;
    }
}
