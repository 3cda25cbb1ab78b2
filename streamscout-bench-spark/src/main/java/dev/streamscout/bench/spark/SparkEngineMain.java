package dev.streamscout.bench.spark;

import dev.streamscout.bench.e2e.EngineMain;

/**
 * Entry point of the child JVM that runs the Spark peer on this module's classpath (Spark's own
 * Jackson): the same arguments and result file as every other engine.
 */
public final class SparkEngineMain {

    private SparkEngineMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: SparkEngineMain spark CHAT_FILE MESSAGES LIVE_FROM_MS RESULT_FILE");
            System.exit(2);
        }
        EngineMain.runAndReport(new SparkEngine(), args);
    }
}
