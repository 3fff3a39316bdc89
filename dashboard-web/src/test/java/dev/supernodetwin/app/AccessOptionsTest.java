package dev.supernodetwin.app;

import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.auth.Users;
import dev.supernodetwin.dashboard.auth.UsersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up checks of --users and the TLS options, and {@code twin users hash}, as a user meets them. */
class AccessOptionsTest {

    @Test
    void anOpenDemoRefusesAnAddressOtherThanLoopback() {
        CommandRun run = CommandRun.of("demo", "--host", "0.0.0.0", "--port", "0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no users configured: refusing to serve on 0.0.0.0").contains("--users FILE");
    }

    @Test
    void anOpenServiceRefusesAnAddressOtherThanLoopbackAndListsItWithTheOtherProblems(@TempDir Path dir)
            throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), "not a key");
        CommandRun run = CommandRun.of("run", "--preset", "cpo-72", "--http-host", "0.0.0.0", "--tls-key",
                key.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no users configured: refusing to serve on 0.0.0.0")
                .contains("--tls-cert and --tls-key go together").contains("holds no PEM PRIVATE KEY");
    }

    @Test
    void everyProblemOfTheUsersFileAndTheTlsOptionsIsListedAtStartUp(@TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("users.yaml"), "users:\n  - {name: ana, role: boss}\n");
        CommandRun run = CommandRun.of("demo", "--port", "0", "--users", users.toString(), "--tls-cert",
                dir.resolve("nope.pem").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("users[0].role: 'boss' is not viewer, operator or admin")
                .contains("users[0].password_bcrypt: is required")
                .contains("--tls-cert and --tls-key go together")
                .contains("--tls-cert: cannot read");
        CommandRun replay = CommandRun.of("replay", "--serve", "--input", dir.resolve("rec.ndjson").toString(),
                "--host", "0.0.0.0");
        assertThat(replay.status()).isEqualTo(2);
    }

    @Test
    void usersHashPrintsALineTheUsersFileAccepts() throws Exception {
        String password = hash("s3cret password\n", "--name", "ana", "--role", "operator");
        String token = hash("tok-123\n", "--name", "ci", "--role", "admin", "--token");
        Users users = UsersFile.parse("users:\n" + password + "tokens:\n" + token, "pasted");
        assertThat(users.login("ana", "s3cret password")).get().extracting(p -> p.role()).isEqualTo(Role.OPERATOR);
        assertThat(users.bearer("tok-123")).get().extracting(p -> p.role()).isEqualTo(Role.ADMIN);
        assertThat(token).contains(Users.sha256Hex("tok-123"));
    }

    private static String hash(String stdin, String... args) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            String[] all = new String[args.length + 2];
            all[0] = "users";
            all[1] = "hash";
            System.arraycopy(args, 0, all, 2, args.length);
            CommandRun run = CommandRun.of(all);
            assertThat(run.status()).as(run.err()).isZero();
            return run.out();
        } finally {
            System.setIn(in);
        }
    }
}
