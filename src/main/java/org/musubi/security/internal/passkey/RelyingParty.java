package org.musubi.security.internal.passkey;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who the browser must have talked to: the relying party id (this server's host name, as the browser saw it) and the
 * origin (scheme, host and port). Taken from the request, so behind a proxy the forwarded headers decide (the server
 * honours them from the proxies named in {@code musubi.web.trusted-proxies}).
 */
record RelyingParty(String id, String origin) {

    static RelyingParty of(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return new RelyingParty(request.getServerName(),
                scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port));
    }
}
