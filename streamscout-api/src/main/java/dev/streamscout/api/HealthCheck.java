package dev.streamscout.api;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/** One dependency {@code GET /health} reports on, e.g. {@code database}. */
public interface HealthCheck {

    /** Key in the {@code checks} object of the health response. */
    String name();

    /** Whether the dependency works now. Should answer within a few seconds; may throw (counts as down). */
    boolean healthy();

    /** A check from a name and a probe, e.g. {@code HealthCheck.of("database", database::isHealthy)}. */
    static HealthCheck of(String name, BooleanSupplier probe) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean healthy() {
                return probe.getAsBoolean();
            }

            @Override
            public String toString() {
                return "HealthCheck[" + name + "]";
            }
        };
    }
}
