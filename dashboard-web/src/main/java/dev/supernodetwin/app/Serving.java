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
            throw new IllegalStateException(cannotServe(host, port, views, e), e);
        }
    }

    /** Why the dashboard could not be served, with the likely cause. */
    static String cannotServe(String host, int port, DashboardServer.Views views, Exception e) {
        String hint = views.access().tls().isPresent()
                ? "are --tls-cert and --tls-key a certificate and its own private key, in PEM? Or is another"
                + " program using the port?"
                : "is another program using the port? Choose one with --port";
        return "cannot serve on " + host + ":" + port + " (" + e.getMessage() + "); " + hint;
    }

    /** Prints who may use the page and where it is, and blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    static void untilStopped(String host, int port, DashboardServer.Views views) throws InterruptedException {
        System.out.println(views.access().describe(host));
        System.out.printf("Live page: %s://%s:%d/   (Ctrl-C to stop)%n",
                views.access().tls().isPresent() ? "https" : "http", host, port);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
    }
}
