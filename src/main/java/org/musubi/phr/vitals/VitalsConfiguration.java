package org.musubi.phr.vitals;

import java.time.Clock;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.link.LinkSourcePatient;
import org.musubi.record.IdKeys;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.WriteRecords;
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
    VitalObservations vitalObservations(ResourceEncoder encoder) {
        return new VitalObservations(encoder, Clock.systemUTC());
    }

    @Bean
    RecordVitals recordVitals(WriteRecords writes, PhrSources sources, VitalObservations observations) {
        return new RecordVitals(writes, sources, observations);
    }

    @Bean
    ReadVitals readVitals(ReadRecords reads) {
        return new ReadVitals(reads);
    }
}
