package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.core.sim.FaultSpec;

import java.util.concurrent.CompletionStage;

/** Injects a fault into a running simulator ({@code twin demo} only). */
@FunctionalInterface
public interface FaultInjector {
    /**
     * Schedules {@code fault} with its onset now.
     *
     * @param fault the fault; its onset is ignored
     * @return the onset given to it (event time, epoch ms), or failed with an {@link IllegalArgumentException}
     *         listing the problems when it does not fit the topology
     */
    CompletionStage<Long> injectNow(FaultSpec fault);
}
