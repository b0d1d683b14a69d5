package io.tributary.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tributary.api.net.SsrfBlockedException;

class SsrfGuardImplTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByAddress(literal, Cidr.literal(literal));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A resolver answering from a fixed table, so no test touches real DNS. */
    private static SsrfGuardImpl guard(String allow, Map<String, List<String>> dns) {
        return new SsrfGuardImpl(allow, host -> {
            List<String> answers = dns.get(host);
            if (answers == null) {
                throw new UnknownHostException(host);
            }
            return answers.stream().map(SsrfGuardImplTest::ip).toArray(InetAddress[]::new);
        }, null);
    }

    private static SsrfGuardImpl guard(String allow) {
        return guard(allow, Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255",
            "172.16.0.1", "172.31.255.254", "192.168.1.1", "169.254.0.1", "169.254.169.254", "169.254.170.2",
            "100.64.0.1", "100.127.255.254", "100.100.100.200", "224.0.0.1", "239.255.255.250", "255.255.255.255",
            "240.0.0.1", "192.0.0.170", "198.18.0.1",
            "::1", "::", "fc00::1", "fd12:3456::1", "fd00:ec2::254", "fe80::1", "febf::1", "fec0::1", "ff02::1",
            "100::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:7f00:1",
            "::127.0.0.1", "64:ff9b::a00:1", "64:ff9b::127.0.0.1", "2002:7f00:1::", "2002:c0a8:101::1",
            "2001:0:4136:e378:8000:63bf:80ff:fffe"})
    void blocksNonPublicAddresses(String literal) {
        SsrfBlockedException e = assertThrows(SsrfBlockedException.class, () -> guard("").resolve(literal));
        assertTrue(e.getMessage().contains("ssrf.allow"), e.getMessage());
        assertTrue(e.getMessage().contains("TRIBUTARY_SSRF_ALLOW"), e.getMessage());
        assertTrue(e.getMessage().contains(literal) || e.getMessage().contains(literal.toLowerCase()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.255.255", "192.167.1.1", "223.255.255.255", "11.0.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7"})
    void allowsPublicAddresses(String literal) throws Exception {
        assertEquals(1, guard("").resolve(literal).size());
    }

    @Test
    void messagesSayWhy() {
        assertTrue(message("127.0.0.1").contains("loopback address (127.0.0.0/8)"));
        assertTrue(message("10.1.1.1").contains("private address (10.0.0.0/8)"));
        assertTrue(message("169.254.169.254").contains("cloud metadata address"));
        assertTrue(message("100.64.1.1").contains("carrier-grade NAT"));
        assertTrue(message("64:ff9b::c0a8:1").contains("private address (192.168.0.0/16) in an IPv4-embedding IPv6 form"));
        assertTrue(message("::ffff:192.168.0.1").contains("private address (192.168.0.0/16)"));
        assertTrue(message("fe80::1").contains("link-local address (fe80::/10)"));
        assertTrue(message("ff02::1").contains("multicast"));
        assertTrue(message("255.255.255.255").contains("broadcast"));
        assertTrue(message("0.0.0.0").contains("unspecified"));
    }

    private static String message(String literal) {
        return assertThrows(SsrfBlockedException.class, () -> guard("").resolve(literal)).getMessage();
    }

    @Test
    void bracketedIpv6LiteralsAreResolvedWithoutDns() throws Exception {
        assertThrows(SsrfBlockedException.class, () -> guard("").resolve("[::1]"));
        assertEquals(ip("2606:4700:4700::1111"), guard("").resolve("[2606:4700:4700::1111]").get(0));
    }

    @Test
    void allowlistAddressesAndRanges() throws Exception {
        SsrfGuardImpl g = guard("127.0.0.1, 10.0.0.0/8 fd00::/8");
        assertEquals(List.of(ip("127.0.0.1")), g.resolve("127.0.0.1"));
        assertEquals(1, g.resolve("10.20.30.40").size());
        assertEquals(1, g.resolve("fd12::1").size());
        assertEquals(1, g.resolve("::ffff:127.0.0.1").size(), "mapped form of an allowed address");
        assertThrows(SsrfBlockedException.class, () -> g.resolve("127.0.0.2"));
        assertThrows(SsrfBlockedException.class, () -> g.resolve("192.168.0.1"));
    }

    @Test
    void metadataNeedsAnExactEntry() throws Exception {
        assertThrows(SsrfBlockedException.class, () -> guard("169.254.0.0/16").resolve("169.254.169.254"));
        assertEquals(1, guard("169.254.0.0/16").resolve("169.254.1.1").size());
        assertEquals(1, guard("169.254.169.254").resolve("169.254.169.254").size());
        assertThrows(SsrfBlockedException.class, () -> guard("fd00::/8").resolve("fd00:ec2::254"));
    }

    @Test
    void hostNamesAreCheckedAfterResolution() throws Exception {
        Map<String, List<String>> dns = Map.of(
                "evil.example", List.of("127.0.0.1"),
                "mixed.example", List.of("10.0.0.7", "93.184.216.34"),
                "public.example", List.of("93.184.216.34"),
                "intranet.corp", List.of("10.1.2.3"),
                "api.svc.corp", List.of("10.9.9.9"));
        SsrfGuardImpl g = guard("", dns);
        SsrfBlockedException e = assertThrows(SsrfBlockedException.class, () -> g.resolve("evil.example"));
        assertTrue(e.getMessage().contains("'evil.example' (127.0.0.1)"), e.getMessage());
        assertTrue(e.getMessage().contains("'127.0.0.1' or 'evil.example'"), e.getMessage());
        assertEquals("evil.example", e.host());
        assertEquals(List.of(ip("93.184.216.34")), g.resolve("mixed.example"), "blocked answers are dropped");
        assertEquals(List.of(ip("93.184.216.34")), g.resolve("PUBLIC.example."));
        assertThrows(UnknownHostException.class, () -> g.resolve("nowhere.example"));

        SsrfGuardImpl allowed = guard("intranet.corp, *.svc.corp", dns);
        assertEquals(List.of(ip("10.1.2.3")), allowed.resolve("intranet.corp"));
        assertEquals(List.of(ip("10.9.9.9")), allowed.resolve("api.svc.corp"));
        assertThrows(SsrfBlockedException.class, () -> allowed.resolve("evil.example"));
    }

    @Test
    void metadataHostNamesAreRefusedBeforeLookup() throws Exception {
        SsrfBlockedException e = assertThrows(SsrfBlockedException.class,
                () -> guard("", Map.of("metadata.google.internal", List.of("8.8.8.8"))).resolve("metadata.google.internal"));
        assertTrue(e.getMessage().contains("cloud metadata host name"), e.getMessage());
        assertEquals(1, guard("metadata.google.internal", Map.of("metadata.google.internal", List.of("169.254.169.254")))
                .resolve("metadata.google.internal").size());
    }

    @Test
    void checkAcceptsOnlyHttpAndHttps() throws Exception {
        SsrfGuardImpl g = guard("", Map.of("example.org", List.of("93.184.216.34")));
        g.check(URI.create("https://example.org/x"));
        g.check(URI.create("HTTP://example.org/x"));
        assertTrue(assertThrows(SsrfBlockedException.class, () -> g.check(URI.create("file:///etc/passwd")))
                .getMessage().contains("only http and https"));
        assertThrows(SsrfBlockedException.class, () -> g.check(URI.create("ftp://example.org/")));
        assertThrows(SsrfBlockedException.class, () -> g.check(URI.create("gopher://example.org/")));
        assertThrows(SsrfBlockedException.class, () -> g.check(URI.create("http://127.0.0.1:8080/")));
        assertThrows(SsrfBlockedException.class, () -> g.check(URI.create("http://[::1]/")));
    }

    @Test
    void reconfiguresLive() throws Exception {
        SsrfGuardImpl g = guard("");
        assertThrows(SsrfBlockedException.class, () -> g.resolve("127.0.0.1"));
        g.modified(config("127.0.0.0/8"));
        assertEquals(1, g.resolve("127.0.0.1").size());
        g.modified(config(""));
        assertThrows(SsrfBlockedException.class, () -> g.resolve("127.0.0.1"));
    }

    @Test
    void environmentEntriesAreMerged() throws Exception {
        SsrfGuardImpl g = new SsrfGuardImpl("", h -> new InetAddress[0], "127.0.0.1");
        assertEquals(1, g.resolve("127.0.0.1").size());
        g.modified(config("10.0.0.1"));
        assertEquals(1, g.resolve("127.0.0.1").size());
        assertEquals(1, g.resolve("10.0.0.1").size());
    }

    @Test
    void invalidEntriesAreIgnored() throws Exception {
        Allowlist list = Allowlist.parse("300.1.1.1, 10.0.0.0/33, not a host!, ok.example, 127.0.0.1");
        assertEquals(List.of("300.1.1.1", "10.0.0.0/33", "host!"), list.invalid());
        assertTrue(list.allowsHost("ok.example"));
        assertTrue(list.allowsHost("a"), "'not' and 'a' are plain host names");
    }

    @Test
    void isAllowedForAlreadyResolvedAddresses() {
        SsrfGuardImpl g = guard("good.example");
        assertFalse(g.isAllowed(null, ip("127.0.0.1")));
        assertTrue(g.isAllowed("good.example", ip("127.0.0.1")));
        assertTrue(g.isAllowed(null, ip("8.8.4.4")));
    }

    @Test
    void formatsAddressesCompactly() {
        assertEquals("fe80::1", Cidr.format(Cidr.literal("fe80:0:0:0:0:0:0:1")));
        assertEquals("::", Cidr.format(Cidr.literal("::")));
        assertEquals("::1", Cidr.format(Cidr.literal("::1")));
        assertEquals("1::", Cidr.format(Cidr.literal("1:0:0:0:0:0:0:0")));
        assertEquals("1:0:2::3", Cidr.format(Cidr.literal("1:0:2:0:0:0:0:3")));
        assertEquals("64:ff9b::c0a8:1", Cidr.format(Cidr.literal("64:ff9b::c0a8:1")));
        assertEquals("10.0.0.255", Cidr.format(Cidr.literal("10.0.0.255")));
        assertTrue(message("fe80::1").startsWith("Blocked request to 'fe80::1': link-local"), message("fe80::1"));
    }

    @Test
    void cidrMatching() {
        assertTrue(Cidr.parse("172.16.0.0/12").contains(Cidr.literal("172.31.0.1")));
        assertFalse(Cidr.parse("172.16.0.0/12").contains(Cidr.literal("172.32.0.1")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("1.2.3.4")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("::1")), "families never mix");
        assertTrue(Cidr.parse("[fe80::]/10").contains(Cidr.literal("febf::1")));
        assertEquals(null, Cidr.literal("example.com"));
        assertEquals(null, Cidr.literal("1.2.3"));
        assertEquals(null, Cidr.literal("::zz"));
    }

    private static SsrfGuardImpl.Config config(String allow) {
        return new SsrfGuardImpl.Config() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return SsrfGuardImpl.Config.class;
            }

            @Override
            public String allow() {
                return allow;
            }
        };
    }
}
