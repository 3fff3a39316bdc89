package dev.supernodetwin.ingest.replay;

import dev.supernodetwin.ingest.codec.RejectReason;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a replay did.
 *
 * @param records     records decoded (lines of a file, Kafka records of the supernode)
 * @param frames      frames decoded
 * @param applied     frames the twin applied
 * @param duplicates  frames the twin dropped as duplicates
 * @param samples     samples in the frames applied
 * @param beforeStart frames older than the replay's start time, left out
 * @param foreign     records of other supernodes, skipped
 * @param rejected    frames or records rejected, by reason (only reasons that occurred)
 * @param firstEvent  event time of the first frame applied, epoch ms (0 when none)
 * @param lastEvent   latest event time applied, epoch ms (0 when none)
 * @param wallNanos   wall time the replay took
 * @param stopped     true when the replay was stopped before its source ended
 */
public record ReplaySummary(long records, long frames, long applied, long duplicates, long samples,
                            long beforeStart, long foreign, Map<RejectReason, Long> rejected,
                            long firstEvent, long lastEvent, long wallNanos, boolean stopped) {

    /** Copies the map. */
    public ReplaySummary {
        rejected = Map.copyOf(rejected);
    }

    /** Frames or records rejected in total. */
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Samples applied per wall-clock second. */
    public double samplesPerSecond() {
        return wallNanos == 0 ? 0 : samples * 1e9 / wallNanos;
    }

    /** Event time covered divided by wall time taken: how much faster than real time the replay ran. */
    public double speedUp() {
        return wallNanos == 0 ? 0 : (lastEvent - firstEvent) * 1e6 / wallNanos;
    }

    /** One line for a terminal. */
    public String line() {
        String reasons = rejected.isEmpty() ? "" : rejected.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().code() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
        return String.format(Locale.ROOT, "replayed %,d frames in %.1f s: applied %,d, duplicates %,d, rejected %,d%s,"
                        + " before start %,d, other supernodes %,d records; %,.0f samples/s, %.1fx real time%s",
                frames, wallNanos / 1e9, applied, duplicates, rejectedTotal(), reasons, beforeStart, foreign,
                samplesPerSecond(), speedUp(), stopped ? " (stopped early)" : "");
    }
}
