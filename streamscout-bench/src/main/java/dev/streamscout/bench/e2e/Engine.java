package dev.streamscout.bench.e2e;

/**
 * One stream processor under test. {@link #run} reads the whole {@link ReplayFeed} of this JVM, sends
 * every detection to the {@link DetectionLog} as it is emitted, and returns when the input is
 * exhausted and every result is out.
 */
public interface Engine {

    /**
     * How far out of order a message may arrive and still count, for every engine alike: the bound our
     * job has by default ({@code job.out-of-orderness}), kept equal by {@code EngineOutOfOrdernessTest}.
     */
    java.time.Duration OUT_OF_ORDERNESS = java.time.Duration.ofSeconds(1);

    /** Short name used on the command line and in the results table. */
    String name();

    /** What it is, for the table. */
    String description();

    void run(long messages) throws Exception;

    /** False for a reference that only reads its input: the table shows no recall for it. */
    default boolean detects() {
        return true;
    }
}
