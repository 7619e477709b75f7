/**
 * The policy's wiring and adapters: the one configured {@link org.musubi.policy.AccessPolicy} and
 * {@link org.musubi.policy.OpenEmergencyAccess}, the facts read fresh for every decision, and the audited
 * implementations of the module's use cases (opening a person, the link list, the emergency gate).
 */
package org.musubi.policy.internal;
