package org.musubi.security;

import java.time.Instant;

/** A secret shown once to an administrator to hand over: a temporary password or an enrolment code. */
public record IssuedSecret(String value, Instant validUntil) {
}
