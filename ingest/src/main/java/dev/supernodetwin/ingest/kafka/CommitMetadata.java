package dev.supernodetwin.ingest.kafka;

import java.util.Optional;

/**
 * The twin's counts stored with each offset commit, so that a restarted instance resumes them: the
 * frames up to a committed offset were applied by someone, and frames after it will be applied by
 * whoever reads them next. Counting this way, every frame on the topic is counted exactly once
 * across crashes and restarts.
 *
 * @param applied frames applied up to the committed offset
 * @param samples samples in those frames
 */
record CommitMetadata(long applied, long samples) {
    private static final String PREFIX = "twin:v1;applied=";

    String encode() {
        return PREFIX + applied + ";samples=" + samples;
    }

    static Optional<CommitMetadata> decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            String[] parts = text.substring(PREFIX.length()).split(";samples=");
            return Optional.of(new CommitMetadata(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
