package dev.supernodetwin.dashboard.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Users files: every problem listed at once; logins and tokens checked against the hashes. */
class UsersFileTest {

    @Test
    void listsEveryProblemOfAUsersFile() {
        String yaml = """
                users:
                  - {name: ana, role: chief, password_bcrypt: 'plain-text'}
                  - {name: ana, role: viewer, password_bcrypt: '$2a$04$abcdefghijklmnopqrstuuJd2mEXmOB4lYXXLXkzHd3ZiLq8Zf.lK'}
                  - {role: admin, password_bcrypt: x, extra: 1}
                tokens:
                  - {name: ci, role: operator, token_sha256: abc}
                groups: []
                """;
        InvalidUsersException e = catchThrowableOfType(InvalidUsersException.class,
                () -> UsersFile.parse(yaml, "users.yaml"));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "users.yaml: unknown key 'groups'; expected users and tokens",
                "users.yaml: users[0].role: 'chief' is not viewer, operator or admin",
                "users.yaml: users[0].password_bcrypt: not a bcrypt hash ($2a$12$ and 53 characters); make one with"
                        + " ./twin users hash",
                "users.yaml: users[1].name: 'ana' is named twice",
                "users.yaml: users[1].password_bcrypt: cost 04 is below 10",
                "users.yaml: users[2]: unknown key 'extra'; expected name, role, password_bcrypt",
                "users.yaml: users[2].name: is required",
                "users.yaml: users[2].password_bcrypt: not a bcrypt hash ($2a$12$ and 53 characters); make one with"
                        + " ./twin users hash",
                "users.yaml: tokens[0].token_sha256: expected 64 hex digits (the SHA-256 of the token); make it with"
                        + " ./twin users hash --token");
    }

    @Test
    void checksPasswordsAndTokensAgainstTheirHashes() {
        Users users = UsersFile.parse(TestUsers.yaml(), "test");
        assertThat(users.login("op", TestUsers.password("op"))).get().extracting(Principal::role)
                .isEqualTo(Role.OPERATOR);
        assertThat(users.login("op", TestUsers.password("adm"))).isEmpty();
        assertThat(users.login("nobody", TestUsers.password("op"))).isEmpty();
        assertThat(users.bearer(TestUsers.token("adm-token"))).get().extracting(Principal::name)
                .isEqualTo("adm-token");
        assertThat(users.bearer("adm-token")).isEmpty();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(catchThrowableOfType(InvalidUsersException.class, () -> UsersFile.parse("users: []\n", "u.yaml"))
                .problems()).containsExactly("u.yaml: no users and no tokens: a users file must name at least one");
    }
}
