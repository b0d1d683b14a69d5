package io.tributary.store.db;

import java.util.regex.Pattern;

/** Helpers for showing JDBC URLs in logs and messages. */
final class JdbcUrls {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {
    }

    /** The URL with any {@code password=} parameter hidden (pgjdbc and H2 both accept one in the URL). */
    static String mask(String url) {
        return url == null ? "null" : PASSWORD.matcher(url).replaceAll("$1***");
    }
}
