package dev.streamscout.sim.irc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulator's TLS identity: a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1}, committed as {@code sim-tls.p12} beside this class. It is a test certificate,
 * not a secret (see the README next to it): it only protects loopback connections to a simulator.
 */
public final class SimTls {

    private static final String KEYSTORE = "sim-tls.p12";
    private static final char[] PASSWORD = "streamscout-sim".toCharArray();
    private static final String ALIAS = "streamscout-sim";

    private static volatile SimTls instance;

    private final SSLContext server;
    private final SSLContext clientTrust;
    private final X509Certificate certificate;

    private SimTls() {
        try (InputStream in = SimTls.class.getResourceAsStream(KEYSTORE)) {
            if (in == null) {
                throw new IllegalStateException(KEYSTORE + " is missing from the simulator jar");
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD);
            certificate = (X509Certificate) keys.getCertificate(ALIAS);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD);
            server = SSLContext.getInstance("TLS");
            server.init(keyManagers.getKeyManagers(), null, null);

            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore());
            clientTrust = SSLContext.getInstance("TLS");
            clientTrust.init(null, trustManagers.getTrustManagers(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's TLS keystore", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the simulator's TLS keystore", e);
        }
    }

    /** Loaded once per JVM; the keystore never changes. */
    public static SimTls get() {
        SimTls current = instance;
        if (current == null) {
            synchronized (SimTls.class) {
                current = instance;
                if (current == null) {
                    current = new SimTls();
                    instance = current;
                }
            }
        }
        return current;
    }

    /** Context with the simulator's key, for its server sockets. */
    public SSLContext serverContext() {
        return server;
    }

    /** Context that trusts exactly the simulator's certificate (and nothing else), for clients in tests. */
    public SSLContext clientTrustContext() {
        return clientTrust;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A new in-memory PKCS12 trust store holding only the simulator's certificate. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(ALIAS, certificate);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }
}
