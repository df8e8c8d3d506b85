package org.drizzle.cmdlets.api;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code $ExecutionContext}: the part scripts use, {@code SessionState.Path} with
 * {@code GetUnresolvedProviderPathFromPSPath} (a path made absolute from the current location,
 * whether or not it exists) and {@code CurrentLocation}.
 */
public record EngineIntrinsics(SessionState SessionState) {
    public EngineIntrinsics(Supplier<Path> location) {
        this(new SessionState(new PathIntrinsics(location)));
    }

    @Override
    public String toString() {
        return "System.Management.Automation.EngineIntrinsics";
    }

    /** {@code $ExecutionContext.SessionState}. */
    public record SessionState(PathIntrinsics Path) {
        @Override
        public String toString() {
            return "System.Management.Automation.SessionState";
        }
    }

    /** {@code $ExecutionContext.SessionState.Path}. */
    public static final class PathIntrinsics {
        private final Supplier<Path> location;

        PathIntrinsics(Supplier<Path> location) {
            this.location = location;
        }

        public String getCurrentLocation() {
            return location.get().toString();
        }

        public String GetUnresolvedProviderPathFromPSPath(String path) {
            return ProviderPaths.resolve(location.get(), path).toString();
        }

        @Override
        public String toString() {
            return "System.Management.Automation.PathIntrinsics";
        }
    }
}
