package org.musubi.phr.vitals;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.musubi.audit.Audit;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.record.IdKeys;
import org.musubi.record.ReadRecords;
import org.musubi.record.WriteRecords;
import org.musubi.record.fhir.FhirIndexer;
import org.musubi.registry.Facilities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the residents' own vital signs. */
@Configuration(proxyBeanMethods = false)
class VitalsConfiguration {

    @Bean
    PhrSources phrSources(Facilities facilities, IdentityStore identities, LinkSourcePatient link, IdKeys keys) {
        return new PhrSources(facilities, identities, link, keys);
    }

    @Bean
    VitalObservations vitalObservations(FhirContext context, FhirIndexer indexer) {
        return new VitalObservations(context, indexer, Clock.systemUTC());
    }

    @Bean
    RecordVitals recordVitals(ReadRecords reads, WriteRecords writes, PhrSources sources,
                              VitalObservations observations, Audit audit) {
        return new RecordVitals(reads, writes, sources, observations, audit);
    }

    @Bean
    ReadVitals readVitals(ReadRecords reads) {
        return new ReadVitals(reads);
    }
}
