package io.tributary.engine.impl.workers;

import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

import io.tributary.api.node.NodeLog;

/**
 * A node-scoped logger: every line is prefixed with the run and node ids; warnings and errors are also
 * handed to the run (as {@code NodeLogged} events).
 */
public final class NodeLogImpl implements NodeLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.tributary.node");

    private final String prefix;
    private final BiConsumer<String, String> mirror;

    /**
     * @param mirror receives (level, formatted message) of warnings and errors
     */
    public NodeLogImpl(String runId, String nodeId, BiConsumer<String, String> mirror) {
        this.prefix = "[run " + runId + " node " + nodeId + "] ";
        this.mirror = mirror;
    }

    @Override
    public void debug(String message, Object... args) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(prefix + format(message, args));
        }
    }

    @Override
    public void info(String message, Object... args) {
        if (LOG.isInfoEnabled()) {
            LOG.info(prefix + format(message, args));
        }
    }

    @Override
    public void warn(String message, Object... args) {
        String m = format(message, args);
        LOG.warn(prefix + m);
        mirror.accept("WARN", m);
    }

    @Override
    public void error(String message, Object... args) {
        String m = format(message, args);
        LOG.error(prefix + m);
        mirror.accept("ERROR", m);
    }

    private static String format(String message, Object[] args) {
        return args == null || args.length == 0 ? message : MessageFormatter.arrayFormat(message, args).getMessage();
    }
}
