package org.musubi.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * A secret shown once to an administrator to hand over: a temporary password or an enrolment code. Serializable: it
 * reaches the page after the redirect as a flash attribute of the session (issue 41).
 */
public record IssuedSecret(String value, Instant validUntil) implements Serializable {
}
