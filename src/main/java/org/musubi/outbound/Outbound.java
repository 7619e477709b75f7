package org.musubi.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way to connections a user configured: the check a form makes when such an address is saved
 * ({@link #permits}), and the HTTP client that makes them ({@link #httpClient}), which checks every address the host
 * resolves to when it connects and follows no redirect. The rules are the operator's ({@link OutboundRules}).
 */
public final class Outbound {

    /** Resolves a host name to all its addresses (the system's resolver; a test's stand-in). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final OutboundRules rules;
    private final Resolver resolver;

    public Outbound(OutboundRules rules, Resolver resolver) {
        this.rules = rules;
        this.resolver = resolver;
    }

    /** The rules of {@code musubi.outbound.allow}, with the system's resolver. */
    public static Outbound of(OutboundProperties properties) {
        return new Outbound(OutboundRules.of(properties.allow()), InetAddress::getAllByName);
    }

    /**
     * Whether an address may be saved: an http or https URL whose host is not, and does not now resolve to, an address
     * the rules refuse. A host that does not resolve now may be saved (its addresses are checked at each connection).
     */
    public boolean permits(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            return false;
        }
        try {
            addresses(url.getHost());
            return true;
        } catch (OutboundRefused e) {
            return false;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /**
     * A {@code java.net.http} client for configured addresses: before each connection the host's addresses are
     * resolved and every one must be permitted (else {@link OutboundRefused}, an {@code IOException}), and the
     * connection is made to those very addresses; redirects are answered as they come, never followed; no proxy.
     */
    public HttpClient httpClient(Duration connectTimeout) {
        return new GuardedHttpClient(this, connectTimeout);
    }

    /**
     * All addresses of {@code host} (an IP address written out is not looked up), each permitted.
     *
     * @throws OutboundRefused       one of them is not
     * @throws UnknownHostException  the host does not resolve
     */
    InetAddress[] addresses(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Optional<InetAddress> literal = OutboundRules.literal(bare);
        InetAddress[] all = literal.isPresent() ? new InetAddress[] {literal.get()} : resolver.resolve(bare);
        if (all == null || all.length == 0) {
            throw new UnknownHostException(bare);
        }
        for (InetAddress address : List.of(all)) {
            if (!rules.permits(bare, address)) {
                throw new OutboundRefused(bare);
            }
        }
        return all;
    }
}
