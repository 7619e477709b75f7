package org.musubi.security.internal.oidc;

/**
 * An OpenID round trip that did not prove anyone: why, in words for the audit trail (never a class name, never the
 * token itself). Residents are told only that it did not work.
 */
final class Refused extends Exception {

    Refused(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
