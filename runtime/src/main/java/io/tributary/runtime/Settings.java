package io.tributary.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The runtime's settings. Keys are dotted ({@code http.port}); each comes from, in order of precedence:
 * a system property {@code tributary.http.port}, an environment variable {@code TRIBUTARY_HTTP_PORT}, the file
 * {@code conf/tributary.properties}, then the built-in default.
 */
public final class Settings {
    static final String SYS_PREFIX = "tributary.";
    static final String ENV_PREFIX = "TRIBUTARY_";

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("http.host", "0.0.0.0"),
            Map.entry("http.port", "8080"),
            Map.entry("data.dir", "data"),
            Map.entry("db.url", ""),
            Map.entry("db.user", ""),
            Map.entry("db.password", ""),
            Map.entry("admin.token", ""),
            Map.entry("ssrf.allow", ""),
            Map.entry("shutdown.timeout.seconds", "30"),
            Map.entry("cache.clean", "false"),
            Map.entry("demo", "true"));

    private final Map<String, String> values;
    private final Path home;

    private Settings(Path home, Map<String, String> values) {
        this.home = home;
        this.values = values;
    }

    /** Reads the settings of the installation at {@code home}. */
    public static Settings load(Path home, Map<String, String> env, Properties sys) throws IOException {
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        Path file = home.resolve("conf").resolve("tributary.properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k).trim()));
        }
        env.forEach((k, v) -> {
            if (k.startsWith(ENV_PREFIX) && k.length() > ENV_PREFIX.length()) {
                merged.put(envKey(k), v.trim());
            }
        });
        sys.stringPropertyNames().forEach(k -> {
            if (k.startsWith(SYS_PREFIX) && !k.equals("tributary.home")) {
                merged.put(k.substring(SYS_PREFIX.length()), sys.getProperty(k).trim());
            }
        });
        return new Settings(home, merged);
    }

    /** {@code TRIBUTARY_HTTP_PORT} → {@code http.port}. */
    static String envKey(String env) {
        return env.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public int getInt(String key) {
        String v = get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be a whole number, got '" + v + "'");
        }
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** The installation directory ({@code bin/}, {@code conf/}, {@code bundle/}, {@code deploy/}). */
    public Path home() {
        return home;
    }

    /** The data directory, absolute (relative paths are resolved against the installation). */
    public Path dataDir() {
        return home.resolve(get("data.dir")).toAbsolutePath().normalize();
    }

    /** Every key with the given prefix, prefix removed, e.g. {@code http.} → {@code port}. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
