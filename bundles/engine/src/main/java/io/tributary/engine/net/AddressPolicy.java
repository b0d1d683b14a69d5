package io.tributary.engine.net;

import java.util.List;
import java.util.Set;

/**
 * Which addresses server-side fetches must not reach, and why. IPv6 forms that embed an IPv4 address
 * (mapped, compatible, NAT64, 6to4, Teredo) are judged by the IPv4 address they carry.
 */
final class AddressPolicy {

    /** Why an address is blocked, e.g. {@code loopback address (127.0.0.0/8)}. */
    record Block(String description, boolean metadata) {
    }

    private record Rule(Cidr cidr, String reason, String text) {
        static Rule of(String cidr, String reason) {
            return new Rule(Cidr.parse(cidr), reason, cidr);
        }
    }

    /** Cloud metadata endpoints (AWS, AWS ECS, GCP, Azure, Alibaba, Oracle share some of these). */
    static final List<Cidr> METADATA = List.of(Cidr.parse("169.254.169.254"), Cidr.parse("169.254.170.2"),
            Cidr.parse("100.100.100.200"), Cidr.parse("fd00:ec2::254"), Cidr.parse("fd00:ec2::23"));

    /** Host names of metadata services, refused by name before any lookup. */
    static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
            "metadata.azure.internal", "instance-data", "instance-data.ec2.internal");

    private static final List<Rule> V4 = List.of(
            Rule.of("0.0.0.0/8", "unspecified ('this network') address"),
            Rule.of("127.0.0.0/8", "loopback address"),
            Rule.of("10.0.0.0/8", "private address"),
            Rule.of("172.16.0.0/12", "private address"),
            Rule.of("192.168.0.0/16", "private address"),
            Rule.of("100.64.0.0/10", "carrier-grade NAT (shared) address"),
            Rule.of("169.254.0.0/16", "link-local address"),
            Rule.of("192.0.0.0/24", "IETF protocol assignment (reserved) address"),
            Rule.of("198.18.0.0/15", "benchmarking (reserved) address"),
            Rule.of("224.0.0.0/4", "multicast address"),
            Rule.of("255.255.255.255/32", "broadcast address"),
            Rule.of("240.0.0.0/4", "reserved address"));

    private static final List<Rule> V6 = List.of(
            Rule.of("::/128", "unspecified address"),
            Rule.of("::1/128", "loopback address"),
            Rule.of("fc00::/7", "private (unique local) address"),
            Rule.of("fe80::/10", "link-local address"),
            Rule.of("fec0::/10", "site-local address"),
            Rule.of("ff00::/8", "multicast address"),
            Rule.of("100::/64", "discard-only (reserved) address"));

    private AddressPolicy() {
    }

    /** Why the address (4 or 16 bytes) is blocked, or {@code null} when it is a public address. */
    static Block classify(byte[] address) {
        for (Cidr m : METADATA) {
            if (m.contains(address)) {
                return new Block("cloud metadata address", true);
            }
        }
        if (address.length == 4) {
            return match(V4, address);
        }
        byte[] v4 = embeddedIpv4(address);
        if (v4 != null) {
            Block inner = classify(v4);
            if (inner != null) {
                return new Block(inner.description() + " in an IPv4-embedding IPv6 form", inner.metadata());
            }
            return null;
        }
        return match(V6, address);
    }

    private static Block match(List<Rule> rules, byte[] address) {
        for (Rule r : rules) {
            if (r.cidr().contains(address)) {
                return new Block(r.reason() + " (" + r.text() + ")", false);
            }
        }
        return null;
    }

    /**
     * The IPv4 address carried by an IPv6 address: IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible
     * {@code ::/96} (except {@code ::} and {@code ::1}), NAT64 {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48},
     * 6to4 {@code 2002::/16} and Teredo {@code 2001::/32} (the obfuscated client address). Else {@code null}.
     */
    static byte[] embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return null;
        }
        if (zero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return slice(a, 12);
        }
        if (zero(a, 0, 12) && !(zero(a, 12, 15) && (a[15] == 0 || a[15] == 1))) {
            return slice(a, 12);
        }
        if (a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && (zero(a, 4, 12) || (a[4] == 0 && a[5] == 1))) {
            return slice(a, 12);
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return slice(a, 2);
        }
        if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) {
            byte[] client = slice(a, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return client;
        }
        return null;
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        byte[] out = new byte[4];
        System.arraycopy(a, from, out, 0, 4);
        return out;
    }
}
