package dev.streamscout.bench.e2e;

import java.lang.management.ManagementFactory;

/** CPU time of this whole process (every thread, JIT and GC included), in nanoseconds. */
public final class CpuClock {

    private CpuClock() {}

    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    }
}
