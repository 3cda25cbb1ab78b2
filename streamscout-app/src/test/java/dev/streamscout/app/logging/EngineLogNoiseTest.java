package dev.streamscout.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/** The app's {@code log4j2.xml} (and Flink's in the compose stack) drop Flink's known false alarm and nothing else of its kind. */
class EngineLogNoiseTest {

    /** Flink's own wording (AbstractMetricGroup), with the scope it appends. */
    private static final String COLLISION =
            "Name collision: Group already contains a Metric with the name '{}'. Metric will not be reported.{}";
    private static final String FLINK_METRIC_GROUP = "org.apache.flink.metrics.MetricGroup";

    private static LogEvent collision(String metric) {
        return Log4jLogEvent.newBuilder().setLoggerName(FLINK_METRIC_GROUP).setLevel(Level.WARN)
                .setMessage(new ParameterizedMessage(COLLISION, metric,
                        "[, taskmanager, 74aa4287, highlights, Moment sink: Committer, 0]"))
                .build();
    }

    @Test
    void the_committers_pending_committables_gauge_warning_is_dropped_and_other_collisions_still_show() {
        assertDropsOnlyThePendingCommittablesWarning("classpath:log4j2.xml");
    }

    @Test
    void flinks_own_containers_drop_it_too() {
        // The compose stack's JobManager and TaskManager, where the job's committers run on a cluster.
        assertDropsOnlyThePendingCommittablesWarning(
                Path.of("..", "deploy", "flink", "log4j-console.properties").toAbsolutePath().toUri().toString());
    }

    private void assertDropsOnlyThePendingCommittablesWarning(String configLocation) {
        LoggerContext context = Configurator.initialize("log-config-" + configLocation.hashCode(),
                getClass().getClassLoader(), configLocation);
        try {
            LoggerConfig metricGroup = context.getConfiguration().getLoggerConfig(FLINK_METRIC_GROUP);

            assertThat(metricGroup.getName()).isEqualTo(FLINK_METRIC_GROUP);
            assertThat(metricGroup.getLevel().isLessSpecificThan(Level.WARN)).as("WARN is logged").isTrue();
            assertThat(metricGroup.isFiltered(collision("pendingCommittables"))).isTrue();
            assertThat(metricGroup.isFiltered(collision("late_messages"))).isFalse();
        } finally {
            Configurator.shutdown(context);
        }
    }
}
