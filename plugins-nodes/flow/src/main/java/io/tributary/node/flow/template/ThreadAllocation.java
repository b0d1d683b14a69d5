package io.tributary.node.flow.template;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;

/**
 * Bytes allocated so far by the current thread (HotSpot's {@code com.sun.management.ThreadMXBean}, read by
 * reflection so the bundle imports no {@code com.sun} package). {@code -1} when the JVM does not count them;
 * the memory budget then does not apply.
 */
final class ThreadAllocation {
    private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    private final Method allocated;

    ThreadAllocation() {
        Method m = null;
        try {
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean", false, null);
            if (type.isInstance(bean)) {
                m = type.getMethod("getCurrentThreadAllocatedBytes");
                m.invoke(bean);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            m = null;
        }
        this.allocated = m;
    }

    long current() {
        if (allocated == null) {
            return -1;
        }
        try {
            return (long) allocated.invoke(bean);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }
}
