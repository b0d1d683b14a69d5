package io.tributary.api.node;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A node-scoped logger: every line carries the run id and node id; warnings and errors are also recorded in
 * the run's events. Messages use SLF4J's {@code {}} placeholders.
 */
@ProviderType
public interface NodeLog {
    void debug(String message, Object... args);

    void info(String message, Object... args);

    void warn(String message, Object... args);

    void error(String message, Object... args);
}
