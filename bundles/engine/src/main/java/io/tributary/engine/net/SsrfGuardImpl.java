package io.tributary.engine.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.api.net.SsrfBlockedException;
import io.tributary.api.net.SsrfGuard;

/**
 * The one {@link SsrfGuard}: resolves host names itself and refuses blocked addresses (see
 * {@link AddressPolicy}) unless the allowlist from {@value SsrfGuard#PID} / {@value SsrfGuard#ALLOW_ENV}
 * names them. Reconfigured live.
 */
@Component(service = SsrfGuard.class, configurationPid = SsrfGuard.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SsrfGuardImpl.Config.class)
public final class SsrfGuardImpl implements SsrfGuard {
    private static final Logger LOG = LoggerFactory.getLogger(SsrfGuardImpl.class);

    @ObjectClassDefinition(name = "Tributary SSRF guard",
            description = "Which private, loopback, link-local or metadata destinations server-side fetches may reach.")
    public @interface Config {
        @AttributeDefinition(name = "Allowed hosts and ranges",
                description = "Comma-separated host names (a name allows that host whatever it resolves to; "
                        + "*.example.com allows subdomains) and IPv4/IPv6 CIDR ranges or addresses, "
                        + "e.g. '127.0.0.1, 10.0.0.0/8, intranet.example.com'. Empty: block them all.")
        String allow() default "";
    }

    /** DNS lookup; replaced in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final Allowlist fromEnv;
    private volatile Allowlist allowlist;

    @Activate
    public SsrfGuardImpl(Config config) {
        this(config.allow(), InetAddress::getAllByName, System.getenv(ALLOW_ENV));
    }

    SsrfGuardImpl(String allow, Resolver resolver, String envAllow) {
        this.resolver = resolver;
        this.fromEnv = Allowlist.parse(envAllow);
        this.allowlist = configure(allow);
    }

    @Modified
    void modified(Config config) {
        allowlist = configure(config.allow());
    }

    private Allowlist configure(String allow) {
        Allowlist list = Allowlist.parse(allow).merge(fromEnv);
        if (!list.invalid().isEmpty()) {
            LOG.warn("SSRF allowlist: ignoring entries that are neither host names nor IP ranges: {}", list.invalid());
        }
        return list;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host == null || host.isBlank()) {
            throw new UnknownHostException("empty host name");
        }
        String name = Allowlist.normalizeHost(host);
        Allowlist list = allowlist;
        boolean hostAllowed = list.allowsHost(name);
        if (!hostAllowed && AddressPolicy.METADATA_HOSTS.contains(name)) {
            throw new SsrfBlockedException(host, blockedMessage(host, null, "cloud metadata host name", name));
        }
        byte[] literal = Cidr.literal(name);
        InetAddress[] found = literal != null ? new InetAddress[] {InetAddress.getByAddress(literal)} : resolver.resolve(name);
        List<InetAddress> allowed = new ArrayList<>(found.length);
        String firstReason = null;
        InetAddress firstBlocked = null;
        for (InetAddress a : found) {
            String reason = hostAllowed ? null : blockReason(list, a);
            if (reason == null) {
                allowed.add(a);
            } else if (firstBlocked == null) {
                firstBlocked = a;
                firstReason = reason;
            }
        }
        if (allowed.isEmpty()) {
            if (firstBlocked == null) {
                throw new UnknownHostException(host + ": no addresses");
            }
            throw new SsrfBlockedException(host, blockedMessage(host, firstBlocked, firstReason, name));
        }
        return List.copyOf(allowed);
    }

    @Override
    public void check(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SsrfBlockedException(uri.toString(), "Blocked request to '" + uri
                    + "': only http and https URLs may be fetched, not '" + scheme + "'.");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new SsrfBlockedException(uri.toString(), "Blocked request to '" + uri + "': the URL has no host.");
        }
        resolve(host);
    }

    @Override
    public boolean isAllowed(String host, InetAddress address) {
        Allowlist list = allowlist;
        return (host != null && list.allowsHost(Allowlist.normalizeHost(host))) || blockReason(list, address) == null;
    }

    private static String blockReason(Allowlist list, InetAddress address) {
        byte[] bytes = address.getAddress();
        AddressPolicy.Block block = AddressPolicy.classify(bytes);
        if (block == null) {
            return null;
        }
        byte[] v4 = AddressPolicy.embeddedIpv4(bytes);
        if (list.allowsAddress(bytes, block.metadata()) || (v4 != null && list.allowsAddress(v4, block.metadata()))) {
            return null;
        }
        return block.description();
    }

    private static String blockedMessage(String host, InetAddress address, String reason, String name) {
        String addr = address == null ? null : Cidr.format(address.getAddress());
        String target = addr == null || addr.equalsIgnoreCase(name) ? "'" + host + "'" : "'" + host + "' (" + addr + ")";
        String entries = addr == null || addr.equalsIgnoreCase(name) ? "'" + (addr == null ? name : addr) + "'"
                : "'" + addr + "' or '" + name + "'";
        return "Blocked request to " + target + ": " + reason + ". Server-side requests may not reach loopback, "
                + "private, link-local or cloud metadata addresses. To allow it, add " + entries
                + " to the setting ssrf.allow (configuration " + PID + ", key '" + ALLOW_KEY
                + "', or the environment variable " + ALLOW_ENV + ").";
    }
}
