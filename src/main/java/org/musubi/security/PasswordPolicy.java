package org.musubi.security;

import java.util.Optional;

/** Passwords of 8 to 128 characters are accepted; a fault is returned as a message key. */
public final class PasswordPolicy {

    public static final int MIN = 8;
    public static final int MAX = 128;

    private PasswordPolicy() {
    }

    public static Optional<String> fault(String password, String loginId) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            return Optional.of("password.tooShort");
        }
        if (password.codePointCount(0, password.length()) > MAX) {
            return Optional.of("password.tooLong");
        }
        if (loginId != null && password.equalsIgnoreCase(loginId)) {
            return Optional.of("password.sameAsLogin");
        }
        return Optional.empty();
    }
}
