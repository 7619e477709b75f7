package org.musubi.outbound;

import java.net.UnknownHostException;

/**
 * A connection refused before it was made: its host is, or resolves to, an address the operator does not allow
 * ({@code musubi.outbound.allow}). For the operator's log; what a facility is shown must not tell it from any other
 * failure to connect.
 */
public final class OutboundRefused extends UnknownHostException {

    public OutboundRefused(String host) {
        super(host + ": not an address Musubi may connect to (an internal address not in musubi.outbound.allow)");
    }
}
