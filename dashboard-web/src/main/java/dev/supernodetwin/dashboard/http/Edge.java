package dev.supernodetwin.dashboard.http;

import dev.supernodetwin.dashboard.auth.AccessControl;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

import java.util.Optional;

/** The server's transport: plain HTTP, or HTTPS with the PEM files of the access control. */
final class Edge {
    private Edge() {
    }

    /** Server options for {@code access}: TLS when it has a certificate and key. */
    static HttpServerOptions options(AccessControl access) {
        HttpServerOptions options = new HttpServerOptions();
        access.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.cert().toString()).setKeyPath(tls.key().toString())));
        return options;
    }

    /** The value of cookie {@code name} in the request headers (a WebSocket handshake has no cookie API). */
    static Optional<String> cookie(MultiMap headers, String name) {
        for (String header : headers.getAll("Cookie")) {
            try {
                for (io.netty.handler.codec.http.cookie.Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
                    if (c.name().equals(name)) {
                        return Optional.of(c.value());
                    }
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
