package org.musubi.record;

import org.musubi.record.store.ResourceStore;
import ca.uhn.fhir.context.FhirContext;
import org.musubi.audit.Audit;
import org.musubi.identity.IdentityStore;
import org.musubi.policy.PersonAccess;
import org.musubi.record.fhir.BaseValidation;
import org.musubi.record.fhir.StructureRules;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.record.imports.ImportRecords;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.musubi.record.release.ReleaseCohort;
import org.musubi.record.write.EnterFindings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecordConfiguration {

    @Bean
    ReadRecords readRecords(ResourceStore store, PersonAccess access, IdentityStore identities, Audit audit) {
        return new ReadRecords(store, access, identities, audit);
    }

    @Bean
    ReleaseCohort releaseCohort(ResourceStore store, PersonAccess access, Audit audit) {
        return new ReleaseCohort(store, access, audit);
    }

    @Bean
    WriteRecords writeRecords(ResourceStore store, IdentityStore identities, Audit audit, ReadRecords reads) {
        return new WriteRecords(store, identities, audit, reads);
    }

    /** The device's door: findings a device made about a facility's data (imaging.ai). */
    @Bean
    EnterFindings enterFindings(ResourceStore store, IdentityStore identities, Audit audit) {
        return new EnterFindings(store, identities, audit);
    }

    /** The import's own batch door (only {@code ingest} uses it). */
    @Bean
    ImportRecords importRecords(ResourceStore store) {
        return new ImportRecords(store);
    }

    @Bean
    ResourceEncoder resourceEncoder(FhirContext context, FhirIndexer indexer) {
        return new ResourceEncoder(context, indexer);
    }

    /** The one FHIR R4 context of the JVM (HAPI's is expensive to build). */
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    FhirIndexer fhirIndexer(FhirContext context) {
        return new FhirIndexer(context);
    }

    /**
     * Cheap to create; the validator inside is built on first use (seconds), never at start-up. With
     * {@code musubi.fhir.validation-packages} (comma-separated {@code .tgz} files, JP Core and JP-CLINS), mode {@code full}
     * also validates against their profiles (docs/letters.md).
     */
    @Bean
    BaseValidation baseValidation(FhirContext context,
                                  @Value("${musubi.fhir.validation-packages:}") List<String> packages) {
        return new BaseValidation(context, packages.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(Path::of).toList());
    }

    /** Base R4's structure, cardinality, values and reference targets: cheap, ready at once (definitions read per type on first use). */
    @Bean
    StructureRules structureRules(FhirContext context) {
        return new StructureRules(context);
    }
}
