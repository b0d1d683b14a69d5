package io.tributary.http;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Fake services for route tests: the methods a test names answer, every other one fails the request loudly. */
final class Fakes {
    /** One method's behaviour: receives the call's arguments. */
    @FunctionalInterface
    interface Answer {
        Object apply(Object[] args) throws Exception;
    }

    private Fakes() {
    }

    static <T> T of(Class<T> type, Map<String, Answer> methods) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "toString":
                    return "fake " + type.getSimpleName();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    break;
            }
            Answer a = methods.get(m.getName());
            if (a == null) {
                throw new UnsupportedOperationException("fake " + type.getSimpleName() + "." + m.getName());
            }
            try {
                return a.apply(args == null ? new Object[0] : args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
