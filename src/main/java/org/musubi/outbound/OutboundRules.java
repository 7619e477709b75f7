package org.musubi.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses a configured connection may reach: every address on the internet, and of the internal ones only
 * those the operator allows. Internal means: IPv4 0.0.0.0/8 (the unspecified address), 10/8, 100.64/10 (shared address
 * space), 127/8 (loopback), 169.254/16 (link-local), 172.16/12, 192.0.0/24, 192.168/16, 198.18/15 (benchmarking),
 * 224/4 (multicast) and 240/4 (reserved, the broadcast address included); IPv6 :: and ::1, fe80::/10 (link-local),
 * fec0::/10 (site-local), fc00::/7 (unique local) and ff00::/8 (multicast); and an IPv6 address that carries an IPv4
 * address — IPv4-mapped ({@code ::ffff:127.0.0.1}), IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) — is
 * judged by that IPv4 address. The operator allows addresses, CIDR blocks and host names; a host name allows whatever
 * it resolves to, when the connection names it.
 */
public final class OutboundRules {

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Written as IPv6 is written (hexadecimal groups, colons, an IPv4 tail, a zone): parsed, never looked up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?");
    private static final List<Block> INTERNAL = List.of(
            block("0.0.0.0/8"), block("10.0.0.0/8"), block("100.64.0.0/10"), block("127.0.0.0/8"),
            block("169.254.0.0/16"), block("172.16.0.0/12"), block("192.0.0.0/24"), block("192.168.0.0/16"),
            block("198.18.0.0/15"), block("224.0.0.0/4"), block("240.0.0.0/4"),
            block("::/128"), block("::1/128"), block("fe80::/10"), block("fec0::/10"), block("fc00::/7"),
            block("ff00::/8"));

    private final List<Block> allowedBlocks;
    private final Set<String> allowedNames;

    private OutboundRules(List<Block> allowedBlocks, Set<String> allowedNames) {
        this.allowedBlocks = allowedBlocks;
        this.allowedNames = allowedNames;
    }

    /**
     * The rules with the operator's {@code allow} entries: addresses, CIDR blocks, host names.
     *
     * @throws IllegalArgumentException an entry that is none of those, naming the setting and the entry
     */
    public static OutboundRules of(List<String> allow) {
        List<Block> blocks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String raw : allow) {
            String entry = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            Optional<Block> block = parseBlock(entry);
            if (block.isPresent()) {
                blocks.add(block.get());
            } else if (!entry.contains("/") && HOST_NAME.matcher(name(entry)).matches() && !entry.matches("[0-9.]+")) {
                names.add(name(entry));
            } else {
                throw new IllegalArgumentException("musubi.outbound.allow: not an address, a CIDR block (10.0.1.0/24) or a"
                        + " host name: " + raw);
            }
        }
        return new OutboundRules(List.copyOf(blocks), Set.copyOf(names));
    }

    /** Whether a connection that names {@code host} may reach {@code address}, one of the addresses it resolved to. */
    public boolean permits(String host, InetAddress address) {
        if (allowedNames.contains(name(host.toLowerCase(Locale.ROOT)))) {
            return true;
        }
        byte[] judged = judged(address.getAddress());
        if (INTERNAL.stream().noneMatch(b -> b.contains(judged))) {
            return true;
        }
        byte[] exact = address.getAddress();
        return allowedBlocks.stream().anyMatch(b -> b.contains(exact) || b.contains(judged));
    }

    /** {@code host} as an IP address written out, when it is one (no name is looked up). */
    static Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address a rule judges: the IPv4 address an IPv6 address carries, else the address itself. */
    private static byte[] judged(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        boolean tenZeroBytes = true;
        for (int i = 0; i < 10; i++) {
            tenZeroBytes &= address[i] == 0;
        }
        boolean mapped = tenZeroBytes && address[10] == (byte) 0xff && address[11] == (byte) 0xff;
        boolean compatible = tenZeroBytes && address[10] == 0 && address[11] == 0
                && !(address[12] == 0 && address[13] == 0 && address[14] == 0 && (address[15] == 0 || address[15] == 1));
        boolean nat64 = address[0] == 0 && address[1] == 0x64 && address[2] == (byte) 0xff && address[3] == (byte) 0x9b
                && allZero(address, 4, 12);
        if (mapped || compatible || nat64) {
            return new byte[] {address[12], address[13], address[14], address[15]};
        }
        if (address[0] == 0x20 && address[1] == 0x02) { // 6to4: 2002:AABB:CCDD::/48 carries AA.BB.CC.DD
            return new byte[] {address[2], address[3], address[4], address[5]};
        }
        return address;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String name(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static Block block(String cidr) {
        return parseBlock(cidr).orElseThrow();
    }

    private static Optional<Block> parseBlock(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = parsed.get().getAddress();
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                return Optional.empty();
            }
            bits = Integer.parseInt(length);
        }
        return Optional.of(new Block(bytes, bits));
    }

    /** A CIDR block: the first {@code bits} bits of {@code prefix}. */
    private record Block(byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
