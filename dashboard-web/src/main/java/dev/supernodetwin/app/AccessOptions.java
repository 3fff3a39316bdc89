package dev.supernodetwin.app;

import dev.supernodetwin.app.config.AccessSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --users}, {@code --tls-cert} and {@code --tls-key}, for the commands that serve the dashboard. */
final class AccessOptions {
    @Option(names = "--users", paramLabel = "FILE", defaultValue = "${env:TWIN_USERS}",
            description = {"Users and tokens who may use the dashboard (YAML; see ./twin users hash; env TWIN_USERS).",
                    "Without it the dashboard is open to anyone, and only on 127.0.0.1."})
    Path users;

    @Option(names = "--tls-cert", paramLabel = "FILE", defaultValue = "${env:TWIN_TLS_CERT}",
            description = "Serve HTTPS with this PEM certificate (chain); needs --tls-key (env TWIN_TLS_CERT).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", defaultValue = "${env:TWIN_TLS_KEY}",
            description = "The PEM private key of --tls-cert (env TWIN_TLS_KEY).")
    Path tlsKey;

    /** Everything checked together with the address to serve on. */
    AccessSettings resolve(String host) {
        return AccessSettings.resolve(Optional.ofNullable(users), Optional.ofNullable(tlsCert),
                Optional.ofNullable(tlsKey), host);
    }
}
