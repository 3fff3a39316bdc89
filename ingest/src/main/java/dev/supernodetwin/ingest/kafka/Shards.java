package dev.supernodetwin.ingest.kafka;

import java.util.Optional;

/**
 * The supernodes one {@link KafkaFrameSource} feeds. A shard is opened when the first record of its
 * supernode arrives on a partition this instance owns and closed when that partition is taken away, so
 * that an instance models exactly the supernodes of its partitions. Every method runs on the source's
 * thread.
 */
public interface Shards {
    /**
     * The shard for {@code supernode}, seen for the first time on a partition this instance owns.
     *
     * @param rebuilding true when the partition is being re-read up to the last committed offset: the
     *                   shard's first frames are an earlier owner's, already reported (see {@code Twin#rebuild})
     * @return empty when this instance has no topology for the supernode; its records are then skipped
     */
    Optional<Shard> open(String supernode, int partition, boolean rebuilding);

    /** The shard has caught up with what earlier owners handled: from now on it reports what it finds. */
    void rebuilt(Shard shard);

    /** The shard's partition was taken away (or the source stops): stop reporting for it and let it go. */
    void close(Shard shard);

    /** After every poll: publish views, run periodic work. */
    void afterBatch();

    /** The supernode that records without a key belong to, when this instance models exactly one. */
    Optional<String> unkeyed();

    /**
     * Exactly one supernode's twin, for tools and benchmarks that feed one: records of other supernodes are
     * skipped, unkeyed ones are its own.
     *
     * @param afterBatch run after every poll
     */
    static Shards single(Shard shard, Runnable afterBatch) {
        return new Shards() {
            @Override
            public Optional<Shard> open(String supernode, int partition, boolean rebuilding) {
                return supernode.equals(shard.supernode()) ? Optional.of(shard) : Optional.empty();
            }

            @Override
            public void rebuilt(Shard s) {
            }

            @Override
            public void close(Shard s) {
            }

            @Override
            public void afterBatch() {
                afterBatch.run();
            }

            @Override
            public Optional<String> unkeyed() {
                return Optional.of(shard.supernode());
            }
        };
    }
}
