/**
 * The one access decision ({@code AccessPolicy}) and its audited entry ({@code PersonAccess}): who may see what of a
 * person's record, for what purpose, and what another party was let see of it ({@code Disclosure}). The policy stands
 * below every feature: it depends only on the audit, identity, consent, the registry, paging, the re-authentication
 * it asks before break-the-glass and disaster mode ({@code RecordDoorRulesTest} holds it by rule).
 */
@ApplicationModule(allowedDependencies = {"audit", "audit :: *", "identity", "identity :: *", "consent",
        "consent :: *", "registry", "registry :: *", "paging", "paging :: *", "security", "security :: *", "disaster",
        "disaster :: *"})
package org.musubi.policy;

import org.springframework.modulith.ApplicationModule;
