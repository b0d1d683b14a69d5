package io.tributary.engine.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Exceptions to the address policy: host names (exact, or {@code *.example.com} for subdomains) and CIDR
 * ranges. A host-name entry allows that host whatever it resolves to. Cloud metadata addresses are only
 * allowed by an entry naming exactly that address (or the host), never by a wider range.
 */
record Allowlist(Set<String> hosts, List<String> domainSuffixes, List<Cidr> ranges, List<String> invalid) {

    static final Allowlist EMPTY = parse("");

    /** Parses comma- (or whitespace-) separated entries; entries that are not valid are listed in {@link #invalid}. */
    static Allowlist parse(String text) {
        Set<String> hosts = new HashSet<>();
        List<String> suffixes = new ArrayList<>();
        List<Cidr> ranges = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String raw : (text == null ? "" : text).split("[,\\s]+")) {
            String e = raw.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (e.startsWith("*.") && validHost(e.substring(2))) {
                suffixes.add(normalizeHost(e.substring(1)));
            } else if (e.contains("/") || e.contains(":") || e.startsWith("[") || e.matches("[\\d.]+")) {
                try {
                    ranges.add(Cidr.parse(e));
                } catch (IllegalArgumentException ex) {
                    invalid.add(e);
                }
            } else if (validHost(e)) {
                hosts.add(normalizeHost(e));
            } else {
                invalid.add(e);
            }
        }
        return new Allowlist(Set.copyOf(hosts), List.copyOf(suffixes), List.copyOf(ranges), List.copyOf(invalid));
    }

    /** Lower case, without a trailing dot or IPv6 brackets. */
    static String normalizeHost(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static boolean validHost(String h) {
        return h.matches("[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");
    }

    /** True when the (normalized) host name is allowed as a whole. */
    boolean allowsHost(String host) {
        if (host == null) {
            return false;
        }
        if (hosts.contains(host)) {
            return true;
        }
        for (String s : domainSuffixes) {
            if (host.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** True when a range allows the address; for metadata addresses only a single-address entry counts. */
    boolean allowsAddress(byte[] address, boolean metadata) {
        for (Cidr c : ranges) {
            if (c.contains(address) && (!metadata || c.isSingleAddress())) {
                return true;
            }
        }
        return false;
    }

    /** Combines two lists (configuration and environment). */
    Allowlist merge(Allowlist other) {
        Set<String> h = new HashSet<>(hosts);
        h.addAll(other.hosts);
        List<String> s = new ArrayList<>(domainSuffixes);
        s.addAll(other.domainSuffixes);
        List<Cidr> r = new ArrayList<>(ranges);
        r.addAll(other.ranges);
        List<String> i = new ArrayList<>(invalid);
        i.addAll(other.invalid);
        return new Allowlist(Set.copyOf(h), List.copyOf(s), List.copyOf(r), List.copyOf(i));
    }
}
