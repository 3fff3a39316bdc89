package dev.supernodetwin.dashboard.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PEM certificate (chain) and private key the dashboard serves HTTPS with.
 *
 * @param cert PEM file with the certificate, then any intermediates
 * @param key  PEM file with the private key (PKCS#8, or PKCS#1 RSA)
 */
public record TlsFiles(Path cert, Path key) {

    /**
     * The files from the two options, which go together.
     *
     * @return empty when neither is given
     * @throws IllegalArgumentException naming every problem: one option without the other, unreadable
     *                                  files, files that are not PEM of the right kind
     */
    public static Optional<TlsFiles> of(Optional<Path> cert, Optional<Path> key) {
        if (cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        if (cert.isEmpty() || key.isEmpty()) {
            problems.add("--tls-cert and --tls-key go together; give both or neither");
        }
        cert.ifPresent(c -> check(c, "--tls-cert", "CERTIFICATE", problems));
        key.ifPresent(k -> check(k, "--tls-key", "PRIVATE KEY", problems));
        if (problems.isEmpty()) {
            KeyPairCheck.problem(cert.get(), key.get()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return Optional.of(new TlsFiles(cert.get(), key.get()));
    }

    private static void check(Path file, String option, String kind, List<String> problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            problems.add(option + ": cannot read '" + file + "' (" + e.getMessage() + ")");
            return;
        }
        if (!text.matches("(?s).*-----BEGIN [A-Z ]*" + kind + "-----.*")) {
            problems.add(option + ": '" + file + "' holds no PEM " + kind + " (-----BEGIN ..." + kind + "-----)");
        }
    }
}
