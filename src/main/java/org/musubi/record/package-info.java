/**
 * A person's record (FHIR resources, their versions and search keys) and its doors: {@code ReadRecords},
 * {@code WriteRecords}, the device's {@code write.EnterFindings}, {@code release.ReleaseCohort} and the import's
 * {@code imports.ImportRecords} (what the doors hand out in the named interfaces {@code read} and {@code write}, their
 * machinery in {@code internal}, exposed to no other module). The record stands below
 * every feature: it depends only on the policy, the audit, identity, the registry, the database and text tools
 * ({@code RecordDoorRulesTest} holds it by rule, and the doors' public methods name no feature's type); a feature that
 * lets another party see part of a record does it through a {@code policy.DisclosureKind}, not a new door method.
 */
@ApplicationModule(allowedDependencies = {"policy", "policy :: matrix", "policy :: linked", "audit", "audit :: *",
        "identity", "identity :: *", "registry", "registry :: *", "database", "database :: *", "text", "text :: *"})
package org.musubi.record;

import org.springframework.modulith.ApplicationModule;
