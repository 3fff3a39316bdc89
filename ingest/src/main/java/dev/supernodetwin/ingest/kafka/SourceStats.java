package dev.supernodetwin.ingest.kafka;

/**
 * What the Kafka source has done, published by its writer thread after every poll for readers on
 * other threads (metrics, readiness). Values are consistent per field, not across fields.
 */
public final class SourceStats {
    volatile long applied;
    volatile long samples;
    volatile long duplicates;
    volatile long rejected;
    volatile long foreign;
    volatile long rebuilt;
    volatile long lag;
    volatile int assigned;
    volatile int supernodes;
    volatile boolean rebuilding;
    volatile long lastPollMillis;
    volatile long commits;
    volatile long failures;
    volatile String fatal;

    /** Frames applied for the partitions this instance owns, including those committed by their earlier owners. */
    public long applied() { return applied; }

    /** Samples in the applied frames. */
    public long samples() { return samples; }

    /** Frames dropped as already applied. */
    public long duplicates() { return duplicates; }

    /** Frames or records rejected. */
    public long rejected() { return rejected; }

    /** Records of supernodes this instance has no topology for (or, unkeyed, cannot place), skipped. */
    public long foreign() { return foreign; }

    /** Records re-read to rebuild state after an assignment. */
    public long rebuilt() { return rebuilt; }

    /** Records on the assigned partitions not yet consumed. */
    public long lag() { return lag; }

    /** Partitions assigned. */
    public int assigned() { return assigned; }

    /** Supernodes modelled now. */
    public int supernodes() { return supernodes; }

    /** Whether state is being rebuilt from the topic. */
    public boolean rebuilding() { return rebuilding; }

    /** Wall-clock time of the last completed poll, epoch ms; 0 before the first. */
    public long lastPollMillis() { return lastPollMillis; }

    /** Records whose frames could not be applied because the twin or a listener failed (a bug, logged). */
    public long failures() { return failures; }

    /** Offset commits that succeeded. */
    public long commits() { return commits; }

    /** Why the source stopped, when it stopped on a fatal error; null otherwise. */
    public String fatal() { return fatal; }
}
