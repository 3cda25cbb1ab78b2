package dev.streamscout.job;

/**
 * The embedded Flink cluster of the all-in-one mode.
 *
 * @param restPort       Web UI and REST port (8081; 0 picks a free one)
 * @param prometheusPort Prometheus reporter port (9249), or {@link #DISABLED}
 */
public record FlinkClusterSettings(int restPort, int prometheusPort) {

    public static final int DISABLED = -1;

    public FlinkClusterSettings {
        if (restPort < 0 || restPort > 65535) {
            throw new IllegalArgumentException("restPort must be 0..65535, was " + restPort);
        }
        if (prometheusPort != DISABLED && (prometheusPort < 0 || prometheusPort > 65535)) {
            throw new IllegalArgumentException("prometheusPort must be 0..65535 or DISABLED, was " + prometheusPort);
        }
    }

    /** Web UI on 8081, Prometheus reporter on 9249. */
    public static FlinkClusterSettings defaults() {
        return new FlinkClusterSettings(8081, 9249);
    }

    public boolean prometheusEnabled() {
        return prometheusPort != DISABLED;
    }
}
