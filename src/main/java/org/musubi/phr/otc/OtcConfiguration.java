package org.musubi.phr.otc;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.musubi.phr.MyMedicines;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.phr.vitals.VitalObservations;
import org.musubi.record.ReadRecords;
import org.musubi.record.ResourceLookup;
import org.musubi.record.WriteRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the self-entered OTC drugs and supplements and the JAHIS file of one's own history. */
@Configuration(proxyBeanMethods = false)
class OtcConfiguration {

    @Bean
    OtcRecords otcRecords(FhirContext context, PhrSources sources, ResourceLookup lookup) {
        return new OtcRecords(context, sources, lookup, Clock.systemUTC());
    }

    @Bean
    OtcWrites otcWrites(PhrSources sources, VitalObservations observations) {
        return new OtcWrites(sources, observations, Clock.systemUTC());
    }

    @Bean
    SelfMedications selfMedications(ReadRecords reads, WriteRecords writes, OtcRecords records, OtcWrites written,
                                    MyMedicines medicines) {
        return new SelfMedications(reads, writes, records, written, medicines);
    }

    @Bean
    MedicationNotebookFile medicationNotebookFile(ReadRecords reads, ResourceLookup lookup, FhirContext context) {
        return new MedicationNotebookFile(reads, lookup, context);
    }
}
