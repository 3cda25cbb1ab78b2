package dev.streamscout.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the highlight job's Kafka source has read the chat topic: the sum over partitions of the
 * source's {@code currentOffset} gauges, scraped from the job's Prometheus reporter.
 *
 * <p>Read live rather than from the offsets the job commits: those move only when a checkpoint completes
 * (every 10 s by default), which would force the bench to checkpoint far more often than the product does.
 * What the source has read but not yet processed is bounded by Flink's network buffers, so over a span of
 * tens of seconds the source's rate is the job's rate.
 */
final class SourceOffsets {

    /** The gauge as the Prometheus reporter names it; topic and partition are labels. */
    static final String GAUGE = "flink_taskmanager_job_task_operator_KafkaSourceReader_topic_partition_currentOffset";
    private static final Pattern SAMPLE = Pattern.compile("^" + GAUGE + "\\{([^}]*)\\}\\s+(\\S+)$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI metrics;
    private final String topicLabel;

    SourceOffsets(int prometheusPort, String topic) {
        this.metrics = URI.create("http://127.0.0.1:" + prometheusPort + "/metrics");
        this.topicLabel = "topic=\"" + labelValue(topic) + "\"";
    }

    /** A label value as the reporter writes it: characters outside {@code [a-zA-Z0-9:_]} become {@code _}. */
    static String labelValue(String value) {
        return value.replaceAll("[^a-zA-Z0-9:_]", "_");
    }

    /** The chat topic's offsets read by the job, summed over its partitions. */
    long read() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(metrics + " answered " + response.statusCode());
        }
        return sum(response.body(), topicLabel);
    }

    /**
     * Sums the gauge's samples labelled with {@code topicLabel} in a Prometheus text exposition; a
     * partition not read yet (negative offset) counts 0.
     *
     * @throws IOException when no sample for the topic is there: the job is not reading it (yet)
     */
    static long sum(String exposition, String topicLabel) throws IOException {
        long total = 0;
        boolean found = false;
        Matcher m = SAMPLE.matcher(exposition);
        while (m.find()) {
            if (("," + m.group(1)).contains("," + topicLabel)) {
                found = true;
                total += Math.max(0, (long) Double.parseDouble(m.group(2)));
            }
        }
        if (!found) {
            throw new IOException("no " + GAUGE + " with " + topicLabel + " in the job's metrics");
        }
        return total;
    }
}
