package dev.supernodetwin.app.config;

import dev.supernodetwin.dashboard.auth.AccessControl;
import dev.supernodetwin.dashboard.auth.InvalidUsersException;
import dev.supernodetwin.dashboard.auth.TlsFiles;
import dev.supernodetwin.dashboard.auth.Users;
import dev.supernodetwin.dashboard.auth.UsersFile;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may use the dashboard and how it is served, for every command that serves it: the users file,
 * the TLS certificate and key, checked together with the address to bind.
 *
 * @param users the users file, or empty for an open twin (loopback only)
 * @param tls   the certificate and key, or empty for plain HTTP
 */
public record AccessSettings(Optional<Users> users, Optional<TlsFiles> tls) {

    /**
     * Reads and checks everything at once.
     *
     * @param usersFile the users file ({@code --users} or {@code TWIN_USERS}), when given
     * @param tlsCert   {@code --tls-cert}, when given
     * @param tlsKey    {@code --tls-key}, when given
     * @param host      the address to serve on
     * @throws InvalidSettingsException listing every problem: each one of the users file, the TLS files,
     *                                  and an open twin on an address other than loopback
     */
    public static AccessSettings resolve(Optional<Path> usersFile, Optional<Path> tlsCert, Optional<Path> tlsKey,
                                         String host) {
        List<String> problems = new ArrayList<>();
        Optional<Users> users = Optional.empty();
        try {
            users = usersFile.map(UsersFile::read);
        } catch (InvalidUsersException e) {
            e.problems().forEach(p -> problems.add("users: " + p));
        }
        Optional<TlsFiles> tls = Optional.empty();
        try {
            tls = TlsFiles.of(tlsCert, tlsKey);
        } catch (IllegalArgumentException e) {
            problems.add("tls: " + e.getMessage());
        }
        if (usersFile.isEmpty()) {
            new AccessControl(Optional.empty(), Optional.empty(), InstantSource.system()).checkHost(host)
                    .ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new AccessSettings(users, tls);
    }

    /** The access control to serve with: one for all server instances. */
    public AccessControl control() {
        return new AccessControl(users, tls, InstantSource.system());
    }
}
