package dev.streamscout.app;

import dev.streamscout.app.config.RawConfig;
import dev.streamscout.app.config.StreamScoutConfig;
import dev.streamscout.app.wiring.JobDefinition;
import dev.streamscout.app.wiring.StandaloneJob;
import dev.streamscout.job.HighlightJob;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's entry point for Flink's own client:
 * {@code flink run -c dev.streamscout.app.FlinkJobMain streamscout.jar [--config FILE]}, and the
 * {@code entryClass} of a Flink Kubernetes Operator deployment. Builds the same job as
 * {@code streamscout job} from the same settings (environment variables, then the properties file)
 * in whatever environment Flink provides.
 */
public final class FlinkJobMain {

    private FlinkJobMain() {}

    public static void main(String[] args) throws Exception {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else if ("--help".equals(args[i]) || "-h".equals(args[i])) {
                System.out.println("Usage: flink run -c " + FlinkJobMain.class.getName()
                        + " streamscout.jar [--config FILE]\nSettings come from the environment (KAFKA_BOOTSTRAP_SERVERS,"
                        + " POSTGRES_URL, ...) and the properties file; see 'streamscout job --help'.");
                return;
            } else {
                System.err.println("streamscout: unknown argument '" + args[i] + "' (expected --config FILE)");
                System.exit(2);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, configFile);
        env.execute(HighlightJob.JOB_NAME);
    }

    /**
     * Reads the settings (environment, then {@code configFile} or ./streamscout.properties), creates the
     * topics, migrates the schema and adds the job to {@code env}: everything {@link #main} does but run it.
     */
    public static void define(StreamExecutionEnvironment env, Path configFile) {
        StreamScoutConfig config = StreamScoutConfig.from(RawConfig.load(configFile, System.getenv(), Map.of()));
        // The cluster's checkpoint storage unless job.checkpoint.dir says otherwise.
        JobDefinition definition = JobDefinition.fromConfig(config, null);
        StandaloneJob.prepare(config, definition);
        definition.define(env);
    }
}
