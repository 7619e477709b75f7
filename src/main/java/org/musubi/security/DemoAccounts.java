package org.musubi.security;

import java.util.List;

/**
 * Demo mode only: gives demo users a known password and an already enrolled authenticator
 * whose current code the login page shows. Never used outside demo mode.
 */
public interface DemoAccounts {

    /** The demo authenticator secret (base32); add it to an authenticator app to log in as a demo user. */
    String DEMO_TOTP_SECRET = "MUSUBIDEMOSECRETMUSUBIDEMOSECRET";

    void prepare(List<Long> userIds, String password);
}
