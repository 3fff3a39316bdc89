package dev.supernodetwin.bench.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real demo server in a process of its own, so the simulator feeds the twin while the clients are
 * served and the server's CPU and memory can be read apart from the load generator's. Its output goes
 * to a log file; the address comes from the {@code Live page: http://...} line it prints.
 */
final class DemoServerProcess implements AutoCloseable {
    private static final Pattern LIVE_PAGE = Pattern.compile("Live page: (http://\\S+?)/?\\s");

    private final Process process;
    private final URI address;

    private DemoServerProcess(Process process, URI address) {
        this.process = process;
        this.address = address;
    }

    /** Starts {@code java -jar JAR demo --port 0 ARGS...} and waits until it serves. */
    static DemoServerProcess start(Path jar, List<String> demoArgs, Path log) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", jar.toString(), "demo",
                "--port", "0"));
        cmd.addAll(demoArgs);
        System.out.println("server: " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<URI> address = new CompletableFuture<>();
        Thread drain = new Thread(() -> drain(p, log, address), "server-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new DemoServerProcess(p, address.get(120, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("the demo server did not print its address; see " + log, e);
        }
    }

    private static void drain(Process p, Path log, CompletableFuture<URI> address) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             var out = java.nio.file.Files.newBufferedWriter(log)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher m = LIVE_PAGE.matcher(line + " ");
                if (m.find()) {
                    address.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            address.completeExceptionally(e);
        }
        address.completeExceptionally(new IOException("the server exited"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    long pid() {
        return process.pid();
    }

    URI address() {
        return address;
    }

    /** Stops the server by its PID (SIGTERM, then SIGKILL after 15 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
