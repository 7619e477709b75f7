package org.musubi.publicsite;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import org.musubi.security.LoginThrottle;

/**
 * At most {@code limit} public pages per client address in a fixed window; over it, refused until the window ends.
 * Counted in this node's memory ({@link LoginThrottle.InMemory}, bounded): a crawler spread over several nodes gets
 * the limit once per node, and a read-only standby counts the same way. An IPv6 client counts by its /64 network
 * (one household or phone gets a whole /64, so counting single addresses would not limit it).
 */
public final class PublicThrottle {

    private final LoginThrottle windows;

    public PublicThrottle(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the public site's limit is at least one page in a positive window");
        }
        this.windows = new LoginThrottle(limit + 1, window, clock);
    }

    /** Counts one page for the address: empty when it may be served, else the seconds until it may ask again. */
    public OptionalLong admit(String address) {
        String key = key(address);
        if (windows.refused(key)) {
            return OptionalLong.of(windows.retryAfterSeconds(key));
        }
        if (windows.recordFailure(key)) {
            return OptionalLong.of(windows.retryAfterSeconds(key));
        }
        return OptionalLong.empty();
    }

    /** An IPv4 address as it is; an IPv6 address cut to its first four groups (its /64 network). */
    static String key(String address) {
        String a = address == null ? "" : address.strip();
        if (!a.contains(":") || a.contains(".")) {
            return a;
        }
        String bare = a.startsWith("[") ? a.substring(1, a.indexOf(']') > 0 ? a.indexOf(']') : a.length()) : a;
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        String[] halves = bare.split("::", -1);
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves.length > 1 && !halves[1].isEmpty() ? halves[1].split(":") : new String[0];
        String[] groups = new String[8];
        java.util.Arrays.fill(groups, "0");
        for (int i = 0; i < head.length && i < 8; i++) {
            groups[i] = head[i];
        }
        for (int i = 0; i < tail.length && i < 8; i++) {
            groups[8 - tail.length + i] = tail[i];
        }
        StringBuilder net = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            net.append(Integer.toHexString(parse(groups[i]))).append(':');
        }
        return net.append(":/64").toString();
    }

    private static int parse(String group) {
        try {
            return Integer.parseInt(group.isEmpty() ? "0" : group, 16) & 0xffff;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
