package dev.supernodetwin.app;

import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.http.ServiceProbes;
import io.vertx.core.Vertx;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the commands that serve the dashboard in the foreground share: binding it, and waiting for Ctrl-C. */
final class Serving {
    private Serving() {
    }

    /**
     * Deploys the dashboard on {@code host:port}.
     *
     * @return the port bound
     * @throws IllegalStateException naming the address, and the likely cause, when it cannot bind
     */
    static int deploy(Vertx vertx, String host, int port, DashboardServer.Views views, ServiceProbes probes) {
        try {
            return DashboardServer.deploy(vertx, host, port, views, probes).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serve on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another program using the port? Choose one with --port", e);
        }
    }

    /** Prints where the page is and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    static void untilStopped(String host, int port) throws InterruptedException {
        System.out.printf("Live page: http://%s:%d/   (Ctrl-C to stop)%n", host, port);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
    }
}
