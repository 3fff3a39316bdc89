package dev.supernodetwin.app;

import dev.supernodetwin.core.frame.FrameBuffer;
import dev.supernodetwin.core.frame.FrameSink;

/**
 * Passes frames on at most at a given rate. Looks at the clock every hundredth of a second's worth of
 * frames and sleeps only when ahead, so the cost per frame is a comparison.
 */
final class RateLimiter implements FrameSink {
    private final FrameSink next;
    private final double framesPerSecond;
    private final long step;
    private final long start = System.nanoTime();
    private long frames;
    private long nextCheck;

    private RateLimiter(FrameSink next, double framesPerSecond) {
        this.next = next;
        this.framesPerSecond = framesPerSecond;
        this.step = Math.max(1, (long) (framesPerSecond / 100));
    }

    /** {@code next} limited to {@code framesPerSecond}; {@code next} itself when the rate is 0 (no limit). */
    static FrameSink wrap(FrameSink next, double framesPerSecond) {
        return framesPerSecond > 0 ? new RateLimiter(next, framesPerSecond) : next;
    }

    @Override
    public void accept(FrameBuffer frame) {
        if (frames >= nextCheck) {
            nextCheck = frames + step;
            long ahead = start + (long) (frames * 1e9 / framesPerSecond) - System.nanoTime();
            if (ahead > 1_000_000) {
                try {
                    Thread.sleep(ahead / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        frames++;
        next.accept(frame);
    }
}
