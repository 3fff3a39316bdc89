package dev.supernodetwin.bench;

import dev.supernodetwin.bench.fanout.FanoutRun;

/**
 * Load harness of the dashboard's live stream: starts the real demo server as a separate process
 * (simulator feeding the twin), opens N WebSocket clients on {@code /live} and measures tick-to-delivery
 * latency (receive wall time − the message's {@code sent}, same host clock), delivered rate, sequence
 * gaps (ticks lost or conflated), bytes per message and the server's CPU and RSS.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.supernodetwin.bench.LiveFanout --clients 1000 --tick 100ms
 *     --duration 60s [--preset cpo-72] [--jar dashboard-web/target/supernode-twin.jar] [--warmup 10s]</pre>
 */
public final class LiveFanout {
    private LiveFanout() {
    }

    public static void main(String[] args) throws Exception {
        FanoutRun.Settings settings = FanoutRun.Settings.parse(args);
        System.exit(new FanoutRun(settings).run());
    }
}
