package dev.supernodetwin.dashboard.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A users file for tests: users {@code view}, {@code op}, {@code adm} (password: the name followed by
 * {@code -pw}) and tokens {@code view-token}, {@code op-token}, {@code adm-token} (the token: the name
 * followed by {@code -secret}), one per role. Hashes use the lowest accepted cost, to keep tests quick.
 */
public final class TestUsers {
    private TestUsers() {
    }

    /** The users file's text. */
    public static String yaml() {
        return "users:\n"
                + user("view", Role.VIEWER) + user("op", Role.OPERATOR) + user("adm", Role.ADMIN)
                + "tokens:\n"
                + token("view-token", Role.VIEWER) + token("op-token", Role.OPERATOR) + token("adm-token", Role.ADMIN);
    }

    /** Writes the users file into {@code dir}. */
    public static Path write(Path dir) throws IOException {
        return Files.writeString(dir.resolve("users.yaml"), yaml());
    }

    /** The password of {@code user}. */
    public static String password(String user) {
        return user + "-pw";
    }

    /** The bearer token of the token named {@code name}. */
    public static String token(String name) {
        return name + "-secret";
    }

    private static String user(String name, Role role) {
        String hash = BCrypt.withDefaults().hashToString(Users.MIN_BCRYPT_COST, password(name).toCharArray());
        return "  - {name: " + name + ", role: " + role.label() + ", password_bcrypt: '" + hash + "'}\n";
    }

    private static String token(String name, Role role) {
        return "  - {name: " + name + ", role: " + role.label() + ", token_sha256: " + Users.sha256Hex(token(name))
                + "}\n";
    }
}
