package dev.streamscout.twitch.irc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made for the test run by the JDK's own {@code keytool} (no key material
 * is checked in), with a server context that presents one and a client context that trusts it.
 */
final class TestTls {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final ConcurrentHashMap<String, KeyStore> STORES = new ConcurrentHashMap<>();

    private TestTls() {}

    /** A certificate valid for localhost and 127.0.0.1. */
    static final String LOCALHOST = "SAN=dns:localhost,ip:127.0.0.1";
    /** A certificate for another name: host name verification must refuse it on 127.0.0.1. */
    static final String OTHER_HOST = "SAN=dns:chat.example.invalid";

    static SSLContext server(String san) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store(san), PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts exactly the certificate made for {@code san}. */
    static SSLContext clientTrusting(String san) {
        try {
            Certificate cert = store(san).getCertificate("irc");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("irc", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore store(String san) {
        return STORES.computeIfAbsent(san, TestTls::generate);
    }

    private static KeyStore generate(String san) {
        try {
            Path dir = Files.createTempDirectory("streamscout-tls");
            Path file = dir.resolve("irc.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "irc", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=streamscout-test", "-ext", san, "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(PASSWORD),
                    "-keypass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, PASSWORD);
            }
            Files.delete(file);
            Files.delete(dir);
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
