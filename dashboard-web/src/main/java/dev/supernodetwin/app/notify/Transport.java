package dev.supernodetwin.app.notify;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** One HTTP POST of a JSON body: how receivers reach their destinations (a fake one in tests). */
@FunctionalInterface
public interface Transport {

    /**
     * Posts {@code body} as {@code application/json}.
     *
     * @return the response status
     * @throws IOException          when no response came (connection refused, reset, timed out)
     * @throws InterruptedException when the sending thread is interrupted (shutdown)
     */
    int post(URI url, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException;
}
