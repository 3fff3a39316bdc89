package dev.supernodetwin.core.silence;

import java.util.Objects;

/**
 * A silence: notifications about alerts whose root cause its target covers are suppressed from
 * {@code startsAt} (inclusive) to {@code endsAt} (exclusive). Times are wall-clock epoch ms.
 *
 * @param id        stable id
 * @param target    the component named
 * @param startsAt  when it starts
 * @param endsAt    when it ends; a silence expired by hand ends when it was expired
 * @param createdBy who created it
 * @param comment   why, for the people who see it; may be empty
 */
public record Silence(String id, SilenceTarget target, long startsAt, long endsAt, String createdBy,
                      String comment) {
    /** Requires the parts and an end after the start. */
    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a silence needs an id");
        }
        if (endsAt < startsAt) {
            throw new IllegalArgumentException("silence " + id + " ends (" + endsAt + ") before it starts ("
                    + startsAt + ")");
        }
    }

    /** Whether the silence is in force at {@code nowMillis}. */
    public boolean activeAt(long nowMillis) {
        return startsAt <= nowMillis && nowMillis < endsAt;
    }

    /** This silence ended at {@code nowMillis}, or itself if it had already ended by then. */
    public Silence expiredAt(long nowMillis) {
        if (endsAt <= nowMillis) {
            return this;
        }
        return new Silence(id, target, Math.min(startsAt, nowMillis), nowMillis, createdBy, comment);
    }
}
