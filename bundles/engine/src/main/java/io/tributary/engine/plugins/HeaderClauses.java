package io.tributary.engine.plugins;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear reading of OSGi manifest headers ({@code clause (',' clause)*}, a clause being
 * {@code path (';' path)* (';' parameter)*}, commas inside quoted values not counting), so that a header's size
 * is known before the framework parses it.
 */
final class HeaderClauses {
    private HeaderClauses() {
    }

    /** The number of clauses in a header, counting no further than {@code max + 1}. */
    static int count(String header, int max) {
        if (header.isBlank()) {
            return 0;
        }
        int clauses = 1;
        boolean quoted = false;
        for (int i = 0; i < header.length() && clauses <= max; i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                clauses++;
            }
        }
        return clauses;
    }

    /** The package names of an Export-Package (or Import-Package) header: every path of every clause. */
    static List<String> packages(String header) {
        List<String> out = new ArrayList<>();
        for (String clause : split(header, ',')) {
            for (String part : split(clause, ';')) {
                String p = part.trim();
                if (p.contains("=")) {
                    break; // the parameters (attributes a=b, directives a:=b) follow the paths
                }
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
