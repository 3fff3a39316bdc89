package dev.supernodetwin.dashboard.auth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a users file: YAML (or JSON) {@code users: [{name, role, password_bcrypt}]} and
 * {@code tokens: [{name, role, token_sha256}]}. Every problem in the file is collected, so one start-up
 * lists them all.
 */
public final class UsersFile {
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@+\\-]{1,64}");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private UsersFile() {
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws InvalidUsersException listing every problem, each naming the entry and field
     */
    public static Users read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new InvalidUsersException(List.of("cannot read users file '" + file + "': " + e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /** Checks the text of a users file; {@code source} names it in problems. */
    public static Users parse(String text, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JacksonException e) {
            throw new InvalidUsersException(List.of(source + ": not YAML: " + e.getOriginalMessage()));
        }
        UsersFile reader = new UsersFile();
        Users users = reader.users(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidUsersException(reader.problems.stream().map(p -> source + ": " + p).toList());
        }
        return users;
    }

    private Users users(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add("expected a mapping with 'users' and/or 'tokens'");
            return new Users(List.of(), List.of());
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("users") && !key.equals("tokens")) {
                problems.add("unknown key '" + key + "'; expected users and tokens");
            }
        }
        List<Users.User> users = new ArrayList<>();
        List<Users.Token> tokens = new ArrayList<>();
        entries(root, "users").forEach(e -> user(e).ifPresent(users::add));
        entries(root, "tokens").forEach(e -> token(e).ifPresent(tokens::add));
        if (users.isEmpty() && tokens.isEmpty() && problems.isEmpty()) {
            problems.add("no users and no tokens: a users file must name at least one");
        }
        return new Users(users, tokens);
    }

    private List<Entry> entries(JsonNode root, String key) {
        JsonNode list = root.get(key);
        List<Entry> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            problems.add(key + ": expected a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String where = key + "[" + i + "]";
            if (list.get(i).isObject()) {
                out.add(new Entry(where, list.get(i)));
            } else {
                problems.add(where + ": expected a mapping");
            }
        }
        return out;
    }

    private Optional<Users.User> user(Entry e) {
        e.only("name", "role", "password_bcrypt");
        String name = name(e);
        Optional<Role> role = role(e);
        String hash = e.text("password_bcrypt");
        if (hash != null) {
            Matcher m = BCRYPT.matcher(hash);
            if (!m.matches()) {
                problems.add(e.where + ".password_bcrypt: not a bcrypt hash ($2a$12$ and 53 characters);"
                        + " make one with ./twin users hash");
                hash = null;
            } else if (Integer.parseInt(m.group(1)) < Users.MIN_BCRYPT_COST) {
                problems.add(e.where + ".password_bcrypt: cost " + m.group(1) + " is below "
                        + Users.MIN_BCRYPT_COST);
                hash = null;
            }
        }
        return name == null || role.isEmpty() || hash == null ? Optional.empty()
                : Optional.of(new Users.User(name, role.get(), hash));
    }

    private Optional<Users.Token> token(Entry e) {
        e.only("name", "role", "token_sha256");
        String name = name(e);
        Optional<Role> role = role(e);
        String sha = e.text("token_sha256");
        if (sha != null && !SHA256.matcher(sha).matches()) {
            problems.add(e.where + ".token_sha256: expected 64 hex digits (the SHA-256 of the token);"
                    + " make it with ./twin users hash --token");
            sha = null;
        }
        return name == null || role.isEmpty() || sha == null ? Optional.empty()
                : Optional.of(new Users.Token(name, role.get(), HexFormat.of().parseHex(sha)));
    }

    private String name(Entry e) {
        String name = e.text("name");
        if (name == null) {
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            problems.add(e.where + ".name: '" + name + "' must be 1 to 64 letters, digits or . _ @ + -");
            return null;
        }
        if (!names.add(name)) {
            problems.add(e.where + ".name: '" + name + "' is named twice");
            return null;
        }
        return name;
    }

    private Optional<Role> role(Entry e) {
        String role = e.text("role");
        if (role == null) {
            return Optional.empty();
        }
        Optional<Role> r = Role.of(role);
        if (r.isEmpty()) {
            problems.add(e.where + ".role: '" + role + "' is not viewer, operator or admin");
        }
        return r;
    }

    /** One list entry and where it is, for problems. */
    private final class Entry {
        final String where;
        final JsonNode node;

        Entry(String where, JsonNode node) {
            this.where = where;
            this.node = node;
        }

        void only(String... keys) {
            List<String> allowed = List.of(keys);
            node.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    problems.add(where + ": unknown key '" + k + "'; expected " + String.join(", ", keys));
                }
            });
        }

        String text(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                problems.add(where + "." + key + ": is required");
                return null;
            }
            if (!v.isValueNode()) {
                problems.add(where + "." + key + ": expected text");
                return null;
            }
            return v.asText().trim();
        }
    }
}
