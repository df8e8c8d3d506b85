package org.drizzle.cmdlets.dotnet;

import java.util.List;

/** [System.Diagnostics.Stopwatch]: StartNew, GetTimestamp, Frequency and the constructor. */
final class StopwatchType {
    private StopwatchType() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(TypeAdapter.builder("System.Diagnostics.Stopwatch")
                .constant("Frequency", 1_000_000_000L)
                .constant("IsHighResolution", true)
                .method("StartNew", 0, a -> Stopwatch.startNew())
                .method("GetTimestamp", 0, a -> System.nanoTime())
                .constructor(0, a -> new Stopwatch())
                .instances(Stopwatch.class::isInstance)
                .build());
    }
}
