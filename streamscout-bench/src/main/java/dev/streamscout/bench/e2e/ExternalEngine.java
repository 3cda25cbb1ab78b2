package dev.streamscout.bench.e2e;

import java.nio.file.Path;

/**
 * An engine whose code lives on a classpath of its own (Spark needs its own Jackson), run by the
 * launcher as {@code java -cp <jar>:<classpath file> <mainClass>} with the usual engine arguments.
 *
 * @param module directory of the Maven module that builds it (jar and {@code target/classpath.txt})
 */
record ExternalEngine(String name, String description, String mainClass, Path module) implements Engine {

    /** Spark Structured Streaming in {@code local[2]}, module {@code streamscout-bench-spark}. */
    static ExternalEngine spark() {
        return new ExternalEngine("spark", "Spark Structured Streaming local[2], sliding window 5 s/1 s, "
                + "watermark " + OUT_OF_ORDERNESS.toSeconds() + " s, + seed rule", "dev.streamscout.bench.spark.SparkEngineMain",
                Path.of("streamscout-bench-spark"));
    }

    @Override
    public void run(long messages) {
        throw new UnsupportedOperationException(name + " runs in its own JVM on its own classpath ("
                + mainClass + ")");
    }
}
