package dev.supernodetwin.dashboard.auth;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The access decision without a server: open twins, sessions, timeouts. */
class AccessControlTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

    @Test
    void anOpenTwinServesOnlyLoopbackAndRefusesOtherSitesPages() {
        AccessControl open = new AccessControl(Optional.empty(), Optional.empty(), clock);
        assertThat(open.checkHost("127.0.0.1")).isEmpty();
        assertThat(open.checkHost("localhost")).isEmpty();
        assertThat(open.checkHost("0.0.0.0")).get().asString().contains("--users");
        assertThat(open.describe("127.0.0.1")).isEqualTo("no users configured: open to anyone on 127.0.0.1");
        assertThat(open.decide(request(true, "127.0.0.1:8080", "http://127.0.0.1:8080"), Role.ADMIN))
                .isInstanceOf(AccessControl.Allowed.class);
        assertThat(open.decide(request(true, "127.0.0.1:8080", null), Role.ADMIN))
                .isInstanceOf(AccessControl.Allowed.class);
        assertThat(open.decide(request(true, "127.0.0.1:8080", "https://evil.example"), Role.ADMIN))
                .isEqualTo(new AccessControl.Denied(403, "auth.csrf",
                        "a request from another site's page (Origin https://evil.example) may not change the twin"));
        // The live stream would hand another site's page the twin's data: its handshake is refused too.
        assertThat(open.decideLive(request(false, "127.0.0.1:8080", "https://evil.example")))
                .isInstanceOf(AccessControl.Denied.class);
        assertThat(open.decideLive(request(false, "127.0.0.1:8080", "http://127.0.0.1:8080")))
                .isInstanceOf(AccessControl.Allowed.class);
        // A name that resolves to 127.0.0.1 but is not loopback's own (DNS rebinding) gets nothing.
        assertThat(open.decide(request(false, "rebind.example:8080", null), Role.VIEWER))
                .isInstanceOfSatisfying(AccessControl.Denied.class, d -> assertThat(d.code()).isEqualTo("auth.forbidden"));
    }

    @Test
    void aSessionEndsAfterEightIdleHoursButNotWhileUsed() {
        Sessions sessions = new Sessions(clock);
        Sessions.Session s = sessions.start(new Principal("ana", Role.OPERATOR, Principal.Via.SESSION));
        now.addAndGet(Sessions.IDLE_TIMEOUT_MS - 1);
        assertThat(sessions.touch(s.id())).isPresent();
        now.addAndGet(Sessions.IDLE_TIMEOUT_MS - 1);
        assertThat(sessions.touch(s.id())).isPresent();
        now.addAndGet(Sessions.IDLE_TIMEOUT_MS + 1);
        assertThat(sessions.touch(s.id())).isEmpty();
        assertThat(sessions.touch("made-up")).isEmpty();
    }

    @Test
    void aBearerTokenNeedsNoCsrfButASessionDoes() {
        Users users = UsersFile.parse(TestUsers.yaml(), "test");
        AccessControl access = new AccessControl(Optional.of(users), Optional.empty(), clock);
        AccessControl.Request tool = new AccessControl.Request(true, Optional.of("Bearer " + TestUsers.token("op-token")),
                Optional.empty(), Optional.empty(), Optional.of("twin.example"), Optional.empty());
        assertThat(access.decide(tool, Role.OPERATOR)).isInstanceOf(AccessControl.Allowed.class);
        assertThat(access.decide(tool, Role.ADMIN)).isInstanceOfSatisfying(AccessControl.Denied.class,
                d -> assertThat(d.code()).isEqualTo("auth.forbidden"));
        Sessions.Session s = access.sessions().start(new Principal("op", Role.OPERATOR, Principal.Via.SESSION));
        AccessControl.Request noToken = new AccessControl.Request(true, Optional.empty(), Optional.of(s.id()),
                Optional.empty(), Optional.of("twin.example"), Optional.empty());
        assertThat(access.decide(noToken, Role.OPERATOR)).isInstanceOfSatisfying(AccessControl.Denied.class,
                d -> assertThat(d.code()).isEqualTo("auth.csrf"));
        AccessControl.Request withToken = new AccessControl.Request(true, Optional.empty(), Optional.of(s.id()),
                Optional.of(s.csrf()), Optional.of("twin.example"), Optional.empty());
        assertThat(access.decide(withToken, Role.OPERATOR)).isInstanceOf(AccessControl.Allowed.class);
    }

    private static AccessControl.Request request(boolean unsafe, String host, String origin) {
        return new AccessControl.Request(unsafe, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(host), Optional.ofNullable(origin));
    }
}
