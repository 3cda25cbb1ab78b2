package dev.streamscout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Opening a database that cannot be reached fails at once with a clear error, password hidden. */
class DatabaseOpenFailureTest {

    @Test
    void unreachablePostgresFailsFastWithoutLeakingThePassword() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort(); // free now, and closed again before we connect
        }
        DatabaseSettings settings = DatabaseSettings.fromPostgresUrl(
                "postgresql://scout:hunter2@127.0.0.1:" + closedPort + "/test?connectTimeout=2", null, null);

        long started = System.nanoTime();
        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageNotContaining("hunter2");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }
}
