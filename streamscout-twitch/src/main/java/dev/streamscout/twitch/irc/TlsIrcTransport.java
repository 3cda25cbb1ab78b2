package dev.streamscout.twitch.irc;

import java.io.IOException;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * TCP with TLS (Twitch's port 6697). The server certificate is checked against the trust store of
 * the given {@link SSLContext} (the JDK's by default; tests inject one that trusts their
 * self-signed certificate) and the host name is verified as for HTTPS, so a certificate for
 * another name is refused. The handshake happens in {@link #open} and must finish within the
 * connect timeout.
 */
public final class TlsIrcTransport implements IrcTransport {

    private final String host;
    private final int port;
    private final SSLContext sslContext;

    /** @param sslContext trust and key material, or null for the JDK default */
    public TlsIrcTransport(String host, int port, SSLContext sslContext) {
        this.host = host;
        this.port = port;
        this.sslContext = sslContext;
    }

    @Override
    public Connection open(Duration connectTimeout) throws IOException {
        Socket raw = TcpIrcTransport.connect(host, port, connectTimeout);
        SSLSocket tls = null;
        try {
            tls = (SSLSocket) context().getSocketFactory().createSocket(raw, host, port, true);
            SSLParameters params = tls.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(params);
            tls.setSoTimeout(TcpIrcTransport.timeoutMillis(connectTimeout));
            tls.startHandshake();
            tls.setSoTimeout(0);
            // Closing the raw socket (not the TLS one) is what reliably unblocks a reader thread.
            return new SocketIrcConnection(tls, raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            if (tls != null) {
                tls.close();
            }
            throw e;
        }
    }

    private SSLContext context() throws IOException {
        if (sslContext != null) {
            return sslContext;
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no default TLS context in this JVM", e);
        }
    }
}
