package dev.supernodetwin.core.topology;

/**
 * An optical link of an indexed {@link Topology}: two engine lanes, the OCS ports between them and the
 * loss it may suffer end to end.
 *
 * @param index    position among the topology's links
 * @param laneA    global lane index of one end
 * @param laneB    global lane index of the other end
 * @param via      global lane indices of the OCS ports passed, in order
 * @param budgetDb end-to-end loss budget in dB
 */
public record Link(int index, int laneA, int laneB, IntSeq via, double budgetDb) {

    /** The lane at the other end from {@code lane}. */
    public int otherEnd(int lane) {
        if (lane == laneA) {
            return laneB;
        }
        if (lane == laneB) {
            return laneA;
        }
        throw new IllegalArgumentException("lane " + lane + " is not an end of link " + index);
    }
}
