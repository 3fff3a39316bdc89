package dev.supernodetwin.dashboard.api;

import dev.supernodetwin.app.runtime.DemoProbes;
import dev.supernodetwin.core.detect.RuleSet;
import dev.supernodetwin.dashboard.api.history.MemoryHistorySource;
import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.auth.TestUsers;
import dev.supernodetwin.dashboard.auth.TlsFiles;
import dev.supernodetwin.dashboard.auth.UsersFile;
import dev.supernodetwin.dashboard.http.DashboardServer;
import dev.supernodetwin.dashboard.live.LiveFeed;
import dev.supernodetwin.dashboard.live.LiveSources;
import dev.supernodetwin.dashboard.live.LiveView;
import dev.supernodetwin.dashboard.live.TopologyView;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS with a self-signed certificate made by {@code openssl} for the test: logins get a Secure cookie. */
@ExtendWith(VertxExtension.class)
class TlsServeTest {
    private final ApiFixture f = new ApiFixture();

    @Test
    void servesHttpsAndMarksTheSessionCookieSecure(Vertx vertx, @TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSigned(cert, key);
        int port = deploy(vertx, dir, TlsFiles.of(Optional.of(cert), Optional.of(key)));
        WebClient https = WebClient.create(vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(cert.toString())));
        HttpResponse<Buffer> login = https.post(port, "127.0.0.1", "/api/login").sendJsonObject(new JsonObject()
                .put("user", "view").put("password", TestUsers.password("view"))).await(10, TimeUnit.SECONDS);
        assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(200);
        assertThat(login.cookies()).singleElement().asString().contains("Secure").containsIgnoringCase("HttpOnly");
        assertThat(https.get(port, "127.0.0.1", "/alive").send().await(10, TimeUnit.SECONDS).statusCode())
                .isEqualTo(200);
        WebClient plain = WebClient.create(vertx);
        assertThatThrownBy(() -> plain.get(port, "127.0.0.1", "/alive").send().await(10, TimeUnit.SECONDS))
                .as("plain HTTP on the HTTPS port").isNotNull();
    }

    @Test
    void refusesHalfAPairAndFilesThatAreNotPem(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSigned(cert, key);
        assertThatThrownBy(() -> TlsFiles.of(Optional.of(cert), Optional.empty()))
                .hasMessageContaining("--tls-cert and --tls-key go together");
        assertThatThrownBy(() -> TlsFiles.of(Optional.of(key), Optional.of(cert)))
                .hasMessageContaining("--tls-cert: '" + key + "' holds no PEM CERTIFICATE")
                .hasMessageContaining("--tls-key: '" + cert + "' holds no PEM PRIVATE KEY");
        assertThatThrownBy(() -> TlsFiles.of(Optional.of(dir.resolve("missing.pem")), Optional.of(key)))
                .hasMessageContaining("--tls-cert: cannot read");
    }

    @Test
    void aCertificateWithAnotherKeyIsRefused(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        selfSigned(cert, dir.resolve("key.pem"));
        Path otherKey = dir.resolve("other-key.pem");
        selfSigned(dir.resolve("other-cert.pem"), otherKey);
        assertThatThrownBy(() -> TlsFiles.of(Optional.of(cert), Optional.of(otherKey)))
                .hasMessageContaining("--tls-key: '" + otherKey + "' is not the private key of the certificate");
    }

    private int deploy(Vertx vertx, Path dir, Optional<TlsFiles> tls) throws Exception {
        ApiSources api = new ApiSources(f.layout, f.board, f.alerts, RuleSet.defaults(),
                new MemoryHistorySource(f.history), Optional.empty(), InstantSource.system());
        AccessControl access = new AccessControl(Optional.of(UsersFile.read(TestUsers.write(dir))), tls,
                InstantSource.system());
        DashboardServer.Views views = new DashboardServer.Views(TopologyView.of(f.topo, RuleSet.defaults()),
                new LiveFeed(LiveSources.live(f.board, () -> 0), new LiveView(f.layout), 1_000), api,
                Optional.empty(), access);
        return DashboardServer.deploy(vertx, "127.0.0.1", 0, views, new DemoProbes(f.board, InstantSource.system(),
                "tn")).await(10, TimeUnit.SECONDS);
    }

    /** A self-signed certificate for 127.0.0.1 and its key, made by Debian's openssl. */
    static void selfSigned(Path cert, Path key) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1")).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(Files.readString(key)).contains("PRIVATE KEY");
    }
}
