package dev.streamscout.app.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) running inside this JVM,
 * used by the all-in-one mode so that ingest and the Flink job talk through real Kafka.
 *
 * <p>On first start the data directory is formatted like {@code kafka-storage format} does (a new
 * cluster id is written to {@code meta.properties}); later starts over the same directory keep the
 * cluster id and every record. {@link #start()} returns once the broker answers a describe-cluster
 * request, so callers may produce and consume straight away.
 *
 * <p>Listeners bind to 127.0.0.1 only: the embedded broker serves this machine, a deployment uses
 * a real Kafka cluster instead.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Written by the storage format into every log directory; holds {@code cluster.id}. */
    private static final String META_PROPERTIES = "meta.properties";

    private final EmbeddedKafkaSettings settings;
    private KafkaRaftServer server;
    private String bootstrapServers;
    private String clusterId;
    private boolean closed;

    public EmbeddedKafkaBroker(EmbeddedKafkaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Formats the data directory if needed, starts the broker and waits until it serves clients.
     *
     * @throws KafkaProvisioningException when the broker cannot start or does not become ready in time
     * @throws IllegalStateException when called twice or after {@link #close()}
     */
    public synchronized void start() {
        if (server != null || closed) {
            throw new IllegalStateException("the embedded Kafka broker can be started only once");
        }
        KafkaLogLevels.quietUnlessConfigured();
        long begin = System.nanoTime();
        Path logDir = settings.logDir().toAbsolutePath();
        int port = settings.port() == 0 ? freePort() : settings.port();
        int controllerPort = settings.controllerPort() == 0 ? freePort(port) : settings.controllerPort();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new KafkaProvisioningException("cannot create the Kafka data directory " + logDir, e);
        }
        // Kafka reports a bind failure only after its controller is up; checking first gives a plain
        // message and avoids half-starting a server over the data directory.
        requireFree(port, "Kafka port");
        requireFree(controllerPort, "Kafka controller port");
        Properties props = serverProperties(logDir, port, controllerPort);
        String formattedClusterId = formatIfNeeded(logDir, props);
        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            // The controller may be running although the broker failed: stop it, or it would keep
            // the data directory and its threads after this method has reported the failure.
            server = raftServer;
            shutdownServer();
            server = null;
            throw new KafkaProvisioningException("the embedded Kafka broker failed to start on port " + port
                    + " (controller " + controllerPort + ") over " + logDir + ": " + e.getMessage(), e);
        }
        server = raftServer;
        try {
            awaitReady(HOST + ":" + port);
        } catch (RuntimeException e) {
            shutdownServer();
            server = null;
            throw e;
        }
        bootstrapServers = HOST + ":" + port;
        clusterId = formattedClusterId;
        LOG.info("Embedded Kafka broker ready at {} (cluster {}, data {}) in {} ms",
                bootstrapServers, clusterId, logDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    /** {@code host:port} for Kafka clients; only valid after {@link #start()}. */
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("the embedded Kafka broker has not been started");
        }
        return bootstrapServers;
    }

    /** The KRaft cluster id kept in the data directory; only valid after {@link #start()}. */
    public synchronized String clusterId() {
        if (clusterId == null) {
            throw new IllegalStateException("the embedded Kafka broker has not been started");
        }
        return clusterId;
    }

    /** Stops the broker and the controller; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            long begin = System.nanoTime();
            shutdownServer();
            LOG.info("Embedded Kafka broker stopped in {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        }
    }

    private void shutdownServer() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Embedded Kafka broker did not shut down cleanly", e);
        }
    }

    /**
     * Single-node KRaft settings. Every internal topic must have replication factor 1, otherwise
     * consumer groups never find a coordinator (Flink's source still works, plain consumers read nothing).
     */
    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // Static voters (kraft.version 0): the controller port is read from here on every start, so a
        // restart may pick another free port. A dynamic quorum would remember the old endpoint.
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", CONTROLLER_LISTENER + ":PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        // 50 offset partitions (the default) cost seconds on the first group join on two cores.
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // A single consumer should not wait 3 s for company before it gets its partitions.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        return p;
    }

    /**
     * Formats {@code logDir} unless it already holds {@code meta.properties}; returns the cluster id.
     *
     * <p>Formatting goes through {@code kafka-storage format} ({@link StorageTool}) with the very
     * properties the server starts with, so the two can never disagree. The storage tool reads its
     * configuration from a file, hence the short-lived temporary copy.
     */
    private static String formatIfNeeded(Path logDir, Properties serverProperties) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (Files.exists(meta)) {
            String existing = readClusterId(meta);
            LOG.debug("Reusing Kafka data directory {} (cluster {})", logDir, existing);
            return existing;
        }
        String newClusterId = Uuid.randomUuid().toString();
        Path configFile = null;
        ByteArrayOutputStream toolOutput = new ByteArrayOutputStream();
        try {
            configFile = Files.createTempFile("streamscout-kafka-", ".properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                serverProperties.store(out, "embedded Kafka broker, used once to format " + logDir);
            }
            int exitCode = StorageTool.execute(
                    new String[] {"format", "--cluster-id", newClusterId, "--config", configFile.toString()},
                    new PrintStream(toolOutput, true, StandardCharsets.UTF_8));
            if (exitCode != 0) {
                throw new KafkaProvisioningException("kafka-storage format of " + logDir + " exited with "
                        + exitCode + ": " + toolOutput.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new KafkaProvisioningException("cannot format the Kafka data directory " + logDir, e);
        } catch (KafkaProvisioningException e) {
            throw e;
        } catch (RuntimeException e) { // FormatterException, TerseFailure: the tool's own complaints
            throw new KafkaProvisioningException("cannot format the Kafka data directory " + logDir + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(configFile);
        }
        LOG.info("Formatted Kafka data directory {} with cluster id {}", logDir, newClusterId);
        return newClusterId;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", file, e);
        }
    }

    private static String readClusterId(Path meta) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        String id = props.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new KafkaProvisioningException(meta + " has no cluster.id: the Kafka data directory is damaged");
        }
        return id;
    }

    /** Waits until the broker answers describe-cluster with itself as a live node. */
    private static void awaitReady(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "streamscout-embedded-kafka-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaProvisioningException("interrupted while waiting for the embedded Kafka broker", e);
        }
        throw new KafkaProvisioningException("the embedded Kafka broker at " + bootstrapServers
                + " did not become ready within " + READY_TIMEOUT.toSeconds() + " s", last);
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new KafkaProvisioningException(what + " " + HOST + ":" + port
                    + " is already in use (another Kafka or StreamScout running?); choose another port", e);
        }
    }

    /**
     * A port that was free a moment ago. Another process could take it before Kafka binds; the
     * window is tiny and start() then fails with a clear message rather than hanging.
     */
    private static int freePort(int... avoid) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
                int candidate = socket.getLocalPort();
                boolean clash = false;
                for (int a : avoid) {
                    clash |= a == candidate;
                }
                if (!clash) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new KafkaProvisioningException("cannot find a free port on " + HOST, e);
            }
        }
        throw new KafkaProvisioningException("cannot find a free port on " + HOST);
    }
}
