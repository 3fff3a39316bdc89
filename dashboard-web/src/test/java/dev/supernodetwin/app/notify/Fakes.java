package dev.supernodetwin.app.notify;

import dev.supernodetwin.core.alert.AlertEvent;
import dev.supernodetwin.core.alert.AlertEvent.Category;
import dev.supernodetwin.core.alert.AlertEvent.Kind;
import dev.supernodetwin.core.alert.AlertEvent.Severity;
import dev.supernodetwin.core.alert.AlertEvent.State;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;

/** Fake time, a scripted transport and alert events for the notification tests. */
final class Fakes {
    static final long T0 = 1_763_924_400_000L;

    private Fakes() {
    }

    /** A clock that only moves when told; the sleeper advances it. */
    static final class Clock implements InstantSource, Sleeper {
        long millis = T0;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            millis += d.toMillis();
        }

        void advance(Duration d) {
            millis += d.toMillis();
        }
    }

    /** One request as the transport saw it. */
    record Request(URI url, Map<String, String> headers, String body) {
    }

    /** Records requests and answers them from a script (a status, or -1 for a connection error); then 200. */
    static final class ScriptedTransport implements Transport {
        final List<Request> requests = new ArrayList<>();
        final Deque<Integer> script = new ArrayDeque<>();

        ScriptedTransport answer(Integer... statuses) {
            script.addAll(List.of(statuses));
            return this;
        }

        @Override
        public int post(URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
            requests.add(new Request(url, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8)));
            int status = script.isEmpty() ? 200 : script.pollFirst();
            if (status < 0) {
                throw new IOException("Connection refused");
            }
            return status;
        }
    }

    static SendContext context(ScriptedTransport transport, Clock clock, Predicate<AlertEvent> silenced) {
        return new SendContext(transport, clock, clock, () -> 1.0, silenced);
    }

    /** A dead-laser alert event of {@code id} at {@code ts}. */
    static AlertEvent laser(String id, long ts, State state) {
        return new AlertEvent(id, ts, "sn01", state, Kind.ANOMALY, Severity.CRITICAL, Category.OPTICAL,
                "optical.laser", "sn01/t01/els0", OptionalInt.of(0),
                new AlertEvent.RootCause("sn01/t01/els0", OptionalInt.of(0), "laser emits no light"),
                List.of("sn01/t01/gpu0/oe0#0", "sn01/t01/gpu0/oe0#1"), OptionalLong.empty(),
                "Laser sn01/t01/els0#0 dark; 2 lanes without light");
    }

    /** The same event with another severity. */
    static AlertEvent withSeverity(AlertEvent e, Severity severity) {
        return new AlertEvent(e.id(), e.ts(), e.supernode(), e.state(), e.kind(), severity, e.category(), e.rule(),
                e.device(), e.lane(), e.rootCause(), e.affected(), e.eta(), e.summary());
    }
}
