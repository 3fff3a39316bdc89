package dev.supernodetwin.dashboard.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The users and tools that may use the dashboard, as read from a users file ({@link UsersFile}).
 * Every comparison of a secret takes the same time whether or not, and wherever, it differs.
 *
 * @param users  people, with bcrypt password hashes
 * @param tokens tools, with the SHA-256 of their bearer token
 */
public record Users(List<User> users, List<Token> tokens) {
    /** Lowest bcrypt cost accepted in a users file. */
    public static final int MIN_BCRYPT_COST = 10;
    /** Cost of the hashes {@code twin users hash} prints. */
    public static final int HASH_COST = 12;

    /** A person: name, role and bcrypt hash of the password. */
    public record User(String name, Role role, String passwordBcrypt) {
    }

    /** A tool: name, role and SHA-256 of its bearer token. */
    public record Token(String name, Role role, byte[] sha256) {
    }

    /** Copies the lists. */
    public Users {
        users = List.copyOf(users);
        tokens = List.copyOf(tokens);
    }

    /**
     * The user whose name and password match. Slow on purpose (bcrypt): call it off the event loop. An
     * unknown name costs a bcrypt verification too, so timing does not tell names apart.
     */
    public Optional<Principal> login(String name, String password) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        User found = null;
        for (User u : users) {
            if (MessageDigest.isEqual(u.name().getBytes(StandardCharsets.UTF_8), wanted)) {
                found = u;
            }
        }
        String hash = found == null ? DummyHash.VALUE : found.passwordBcrypt();
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
        return ok && found != null ? Optional.of(new Principal(found.name(), found.role(), Principal.Via.SESSION))
                : Optional.empty();
    }

    /** The tool whose token this is; every configured token is compared, without stopping at a match. */
    public Optional<Principal> bearer(String token) {
        byte[] digest = sha256(token);
        Token found = null;
        for (Token t : tokens) {
            if (MessageDigest.isEqual(t.sha256(), digest)) {
                found = t;
            }
        }
        return Optional.ofNullable(found).map(t -> new Principal(t.name(), t.role(), Principal.Via.TOKEN));
    }

    /** SHA-256 of the UTF-8 bytes of {@code secret}. */
    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 of {@code secret} in lower-case hex, as a users file holds it. */
    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** A bcrypt hash of {@code password} at {@link #HASH_COST}. */
    public static String bcrypt(String password) {
        Objects.requireNonNull(password, "password");
        return BCrypt.withDefaults().hashToString(HASH_COST, password.toCharArray());
    }

    /** A hash of a random secret, verified against when a name is unknown; made once, when first needed. */
    private static final class DummyHash {
        static final String VALUE = BCrypt.withDefaults().hashToString(HASH_COST,
                java.util.UUID.randomUUID().toString().toCharArray());
    }
}
