package dev.supernodetwin.dashboard.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a PEM private key belongs to a PEM certificate: the server would start with a mismatched pair and
 * fail every handshake, so the twin checks at start-up by signing with the key and verifying with the
 * certificate. Keys in PKCS#8 ({@code BEGIN PRIVATE KEY}) are checked; other PEM key forms are left to the
 * TLS stack.
 */
final class KeyPairCheck {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private KeyPairCheck() {
    }

    /** The problem with the pair, or empty when it matches (or the key's form is not checked here). */
    static Optional<String> problem(Path certFile, Path keyFile) {
        try {
            X509Certificate cert;
            try (InputStream in = Files.newInputStream(certFile)) {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            Matcher m = PKCS8.matcher(Files.readString(keyFile));
            if (!m.find()) {
                return Optional.empty();
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            String algorithm = cert.getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            String signing = switch (algorithm) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> algorithm;
            };
            byte[] probe = "supernode-twin key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Signature sign = Signature.getInstance(signing);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(signing);
            verify.initVerify(cert.getPublicKey());
            verify.update(probe);
            return verify.verify(signature) ? Optional.empty()
                    : Optional.of("--tls-key: '" + keyFile + "' is not the private key of the certificate in '"
                    + certFile + "'");
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("--tls-cert/--tls-key: cannot use '" + certFile + "' with '" + keyFile + "': "
                    + e.getMessage());
        }
    }
}
