package dev.streamscout.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.streamscout.app.config.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The files under {@code deploy/}: the compose file is valid for the Docker Compose client, the
 * StreamScout services in it are configured with environment variables the app really reads, the
 * alert rules parse (and pass {@code promtool} where it is installed), and every metric they and the
 * dashboard name is one the code registers.
 */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void composeFileIsValidForTheDockerComposeClient() throws Exception {
        List<String> compose = composeClient().orElse(null);
        Assumptions.assumeTrue(compose != null,
                "SKIPPED: neither 'docker compose' nor 'docker-compose' is installed (apt-get install docker-compose)");
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", DEPLOY.resolve("docker-compose.yml").toString(), "config", "-q"));
        Result result = run(command);
        assertThat(result.exit()).as("%s:%n%s", String.join(" ", command), result.output()).isZero();
    }

    @Test
    void streamScoutServicesUseOnlyTheAppsEnvironmentVariables() throws IOException {
        // SnakeYAML resolves the compose file's merge keys (<<: *streamscout), which Jackson's YAML reader does not.
        Object compose = new org.yaml.snakeyaml.Yaml().load(Files.readString(DEPLOY.resolve("docker-compose.yml")));
        JsonNode services = new ObjectMapper().valueToTree(compose).get("services");
        Set<String> known = new HashSet<>(List.of("JAVA_OPTS"));
        Arrays.stream(ConfigKey.values()).forEach(k -> known.addAll(k.envVars()));
        List<String> checked = new ArrayList<>();
        for (String name : List.of("ingest", "api", "job-submitter")) {
            JsonNode service = services.get(name);
            assertThat(service).as("service %s", name).isNotNull();
            assertThat(service.get("image").asText()).startsWith("streamscout");
            for (Iterator<String> vars = service.get("environment").fieldNames(); vars.hasNext(); ) {
                String var = vars.next();
                assertThat(known).as("%s sets %s, which StreamScout does not read (ConfigKey)", name, var).contains(var);
                checked.add(var);
            }
        }
        assertThat(checked).contains("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_URL", "STREAMSCOUT_LOG_FORMAT");
        assertThat(services.get("job-submitter").get("command").toString()).contains("--jobmanager", "jobmanager:8081");
        // The TaskManager offers the 4 slots the job's parallelism needs.
        assertThat(services.get("taskmanager").get("environment").get("FLINK_PROPERTIES").asText())
                .contains("taskmanager.numberOfTaskSlots: 4", "metrics.reporter.prom.port: 9249");
    }

    @Test
    void alertRulesParseAndNameRealMetrics() throws Exception {
        JsonNode groups = YAML.readTree(DEPLOY.resolve("prometheus/alerts.yml").toFile()).get("groups");
        Set<String> alerts = new HashSet<>();
        StringBuilder expressions = new StringBuilder();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.get("rules")) {
                alerts.add(rule.get("alert").asText());
                assertThat(rule.get("expr").asText()).isNotBlank();
                assertThat(rule.at("/annotations/summary").asText()).isNotBlank();
                expressions.append(rule.get("expr").asText()).append('\n');
            }
        }
        assertThat(alerts).contains("StreamScoutNoChatMessages", "StreamScoutKafkaConsumerLag",
                "StreamScoutClipFailureRate", "StreamScoutDetectionStalled", "StreamScoutServiceDown");
        assertMetricsExist(expressions.toString(), "prometheus/alerts.yml");

        Optional<Path> promtool = onPath("promtool");
        if (promtool.isPresent()) {
            Result result = run(List.of(promtool.get().toString(), "check", "rules", DEPLOY.resolve("prometheus/alerts.yml").toString()));
            assertThat(result.exit()).as(result.output()).isZero();
        } else {
            System.err.println("promtool not installed (apt-get install prometheus): alert rules only YAML-checked");
        }
    }

    @Test
    void dashboardQueriesNameRealMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dashboards/streamscout.json").toFile());
        StringBuilder expressions = new StringBuilder();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                if ("prometheus".equals(target.at("/datasource/uid").asText())) {
                    expressions.append(target.get("expr").asText()).append('\n');
                }
            }
        }
        assertThat(expressions).isNotEmpty();
        assertMetricsExist(expressions.toString(), "grafana/dashboards/streamscout.json");
    }

    /**
     * Every StreamScout metric named in the expressions is registered in the code: ingest's and the API's
     * Micrometer names (dots become underscores, counters get _total) and the job's Flink counters.
     * JVM, process and Flink's built-in metrics are left out: the code does not define them.
     */
    private static void assertMetricsExist(String expressions, String file) throws IOException {
        String sources = sources();
        Matcher m = Pattern.compile("\\b(flink_taskmanager_job_task_operator_([a-z_]+)|(?:twitch|kafka|active|chat|helix|ingest|stream|streamscout)_[a-z_]+)\\b")
                .matcher(expressions);
        int checked = 0;
        while (m.find()) {
            String metric = m.group(1);
            if (metric.startsWith("flink_") && m.group(2).startsWith("KafkaSource")) {
                continue; // Kafka connector metrics, not ours
            }
            if (metric.startsWith("flink_")) {
                String name = m.group(2).replaceFirst("^deserializer_", ""); // the Kafka source's deserializer group
                if (!name.equals("numRecordsIn") && !name.equals("pendingRecords")) { // Flink's own
                    assertThat(sources).as("%s names %s, which no source file registers", file, metric)
                            .contains("\"" + name + "\"");
                }
            } else {
                // Prometheus adds the base unit and _total/_bucket/... to a Micrometer name: try it without them.
                List<String> candidates = new ArrayList<>(List.of(metric));
                for (String suffix : List.of("_total", "_bucket", "_sum", "_count", "_max", "_seconds", "_messages")) {
                    for (String candidate : List.copyOf(candidates)) {
                        if (candidate.endsWith(suffix)) {
                            candidates.add(candidate.substring(0, candidate.length() - suffix.length()));
                        }
                    }
                }
                assertThat(candidates).as("%s names %s, which no source file registers", file, metric)
                        .anyMatch(c -> sources.contains("\"" + c + "\"") || sources.contains("\"" + c.replace('_', '.') + "\""));
            }
            checked++;
        }
        assertThat(checked).as("metrics checked in %s", file).isPositive();
    }

    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("streamscout-ingest", "streamscout-api", "streamscout-job")) {
            Path root = Path.of("..", module, "src", "main", "java");
            try (var files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    /** {@code docker compose} (the plugin) when it works, else the standalone {@code docker-compose}. */
    private static Optional<List<String>> composeClient() throws IOException, InterruptedException {
        Optional<Path> docker = onPath("docker");
        if (docker.isPresent() && run(List.of(docker.get().toString(), "compose", "version")).exit() == 0) {
            return Optional.of(List.of(docker.get().toString(), "compose"));
        }
        return onPath("docker-compose").map(p -> List.of(p.toString()));
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
