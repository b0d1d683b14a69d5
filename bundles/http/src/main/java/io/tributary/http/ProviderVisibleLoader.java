package io.tributary.http;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

import org.slf4j.LoggerFactory;

/**
 * The thread context class loader while Javalin starts: the bundle's own loader, which also sees the SLF4J
 * provider registered by the launcher (SLF4J lives in the system bundle). Javalin looks the provider up with
 * {@code ServiceLoader} on the context loader and would otherwise print a false "no logger" banner.
 */
final class ProviderVisibleLoader extends ClassLoader {
    private final ClassLoader logging = LoggerFactory.class.getClassLoader();

    ProviderVisibleLoader(ClassLoader bundleLoader) {
        super(bundleLoader);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (logging == null) {
            throw new ClassNotFoundException(name);
        }
        return logging.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return logging == null ? null : logging.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return logging == null ? java.util.Collections.emptyEnumeration() : logging.getResources(name);
    }
}
