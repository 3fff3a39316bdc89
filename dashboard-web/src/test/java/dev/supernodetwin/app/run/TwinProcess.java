package dev.supernodetwin.app.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code twin} process started from the packaged jar, as an operator would run it: {@code twin run}
 * on a port chosen by the test, or {@code twin demo} on a port of its own choosing, found from the
 * {@code Live page: http://...} line it prints.
 */
public final class TwinProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "supernode-twin.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern LIVE_PAGE = Pattern.compile("(?m)^Live page: (http://\\S+)");

    private final Process process;
    private final URI base;
    private final Path log;

    private TwinProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts {@code twin ARGS... --http-port PORT}; its output goes to {@code log}. */
    static TwinProcess start(int httpPort, Path log, String... args) throws IOException {
        return start(httpPort, log, List.of(), args);
    }

    /** As {@link #start(int, Path, String...)}, without the environment variables {@code unset}. */
    static TwinProcess start(int httpPort, Path log, List<String> unset, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(args));
        cmd.addAll(List.of("--http-port", Integer.toString(httpPort)));
        return new TwinProcess(launch("-Xmx512m", cmd, log, unset), URI.create("http://127.0.0.1:" + httpPort + "/"),
                log);
    }

    /**
     * Starts {@code twin demo --port 0 ARGS...}, its output going to {@code log}, and waits until it prints the
     * address of its live page. Fails with the process's output if it exits or does not serve in time.
     */
    public static TwinProcess demo(Path log, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("demo", "--port", "0"));
        cmd.addAll(List.of(args));
        Process p = launch("-Xmx1g", cmd, log, List.of());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<URI> page = livePage(log);
            if (page.isPresent()) {
                return new TwinProcess(p, page.get(), log);
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("twin " + String.join(" ", cmd) + " did not print its live page address"
                        + (p.isAlive() ? " within " + timeout : "") + "; its output:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static Process launch(String heap, List<String> args, Path log, List<String> unset) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; run the package phase first");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-jar", JAR.toString()));
        cmd.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        unset.forEach(pb.environment()::remove);
        return pb.start();
    }

    private static Optional<URI> livePage(Path log) throws IOException {
        Matcher m = LIVE_PAGE.matcher(Files.exists(log) ? Files.readString(log) : "");
        return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
    }

    /** A port free on the loopback address now, for a process's {@code --http-port}. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@code timeout}. */
    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }

    /** The address the process serves on, ending in {@code /}. */
    public URI base() {
        return base;
    }

    /** The operating system's id of the process. */
    public long pid() {
        return process.pid();
    }

    /** A counter or gauge from /metrics, if the process answers. */
    OptionalDouble metric(String name) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*} ([0-9.eE+-]+)$").matcher(r.body());
            return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    /** The HTTP status of a GET, or -1 if the process does not answer. */
    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no final commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops it as Ctrl-C would (SIGTERM to its PID) and waits; kills it if it has not exited after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
