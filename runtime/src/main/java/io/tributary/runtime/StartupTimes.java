package io.tributary.runtime;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Where start-up time goes: phases in milliseconds, the slowest first, plus the time since the JVM started. */
final class StartupTimes {
    private record Phase(String name, long millis) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final long launcherStart = System.currentTimeMillis();
    private long last = System.nanoTime();

    synchronized void mark(String phase) {
        long now = System.nanoTime();
        phases.add(new Phase(phase, (now - last) / 1_000_000));
        last = now;
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder("JVM to launcher ").append(launcherStart - jvmStart).append(" ms");
        phases.stream().sorted(Comparator.comparingLong(Phase::millis).reversed()).limit(8)
                .forEach(p -> sb.append(", ").append(p.name()).append(' ').append(p.millis()).append(" ms"));
        return sb.toString();
    }
}
