package dev.supernodetwin.app;

import dev.supernodetwin.dashboard.auth.Role;
import dev.supernodetwin.dashboard.auth.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code twin users}: tools for the users file of {@code --users}. */
@Command(name = "users", mixinStandardHelpOptions = true, subcommands = UsersCommand.Hash.class,
        description = "Tools for the users file given to run, demo and replay --serve with --users FILE.")
final class UsersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code twin users hash}: a password's bcrypt hash, or a token's SHA-256, as a line of the users file. */
    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = {"Reads a password (or with --token a bearer token) from the first line of stdin and",
                    "prints the line to paste under users: (or tokens:) in the users file."})
    static final class Hash implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "The user's (or the tool's) name.")
        String name;

        @Option(names = "--role", defaultValue = "viewer",
                description = "viewer, operator or admin (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--token", description = "Hash a bearer token (SHA-256) instead of a password (bcrypt).")
        boolean token;

        @Override
        public Integer call() throws IOException {
            Role r = Role.of(role).orElse(null);
            if (r == null || !name.matches("[\\p{L}\\p{N}._@+\\-]{1,64}")) {
                spec.commandLine().getErr().println("twin users hash: --role must be viewer, operator or admin, and"
                        + " --name 1 to 64 letters, digits or . _ @ + -");
                return 2;
            }
            String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (secret == null || secret.isEmpty()) {
                spec.commandLine().getErr().println("twin users hash: expected the secret on the first line of stdin");
                return 2;
            }
            String line = token
                    ? "  - {name: " + name + ", role: " + r.label() + ", token_sha256: " + Users.sha256Hex(secret) + "}"
                    : "  - {name: " + name + ", role: " + r.label() + ", password_bcrypt: '" + Users.bcrypt(secret)
                    + "'}";
            spec.commandLine().getErr().println("# paste under " + (token ? "tokens:" : "users:"));
            spec.commandLine().getOut().println(line);
            return 0;
        }
    }
}
