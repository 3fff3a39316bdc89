package dev.supernodetwin.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of a robust peer comparison (Iglewicz & Hoaglin; domain §6.1: |M| > 3.5).
 *
 * @param limit    |M| above which a member is an outlier
 * @param minMad   floor under the MAD, in the signal's unit, so near-identical peers do not turn
 *                 sensor noise into huge scores
 * @param minPeers fewest members with a reading for a comparison to be made
 */
public record PeerMadSpec(double limit, double minMad, int minPeers) implements DetectorSpec {
    /** |M| > 3.5, at least 5 peers, with the given MAD floor. */
    public static PeerMadSpec defaults(double minMad) {
        return new PeerMadSpec(3.5, minMad, 5);
    }

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!(limit > 0) || !Double.isFinite(limit)) {
            out.add("limit must be positive and finite, was " + limit);
        }
        if (!(minMad > 0) || !Double.isFinite(minMad)) {
            out.add("minMad must be positive and finite, was " + minMad);
        }
        if (minPeers < 3) {
            out.add("minPeers must be ≥ 3 (a median of fewer says nothing), was " + minPeers);
        }
        return out;
    }
}
