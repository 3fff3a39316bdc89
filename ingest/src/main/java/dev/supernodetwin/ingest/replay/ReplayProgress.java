package dev.supernodetwin.ingest.replay;

/** Told about a replay's progress about once a second, on the replay thread; must be quick. */
@FunctionalInterface
public interface ReplayProgress {
    /**
     * @param applied   frames applied so far
     * @param samples   samples applied so far
     * @param done      progress in the source's unit (bytes, offsets)
     * @param total     progress at the end in the same unit
     * @param wallNanos time since the replay started
     */
    void update(long applied, long samples, long done, long total, long wallNanos);

    /** Tells nobody. */
    static ReplayProgress none() {
        return (applied, samples, done, total, wallNanos) -> { };
    }
}
