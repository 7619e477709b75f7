package org.musubi.audit;

/** Tells the audit trail who is acting now; the security feature provides it. */
public interface ActorSource {

    Actor current();
}
