package org.musubi.phr.checkups;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.musubi.blob.BlobStore;
import org.musubi.photos.PhotoProperties;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.phr.vitals.VitalObservations;
import org.musubi.record.ReadRecords;
import org.musubi.record.WriteRecords;
import org.musubi.registry.Facilities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the residents' checkup results. */
@Configuration(proxyBeanMethods = false)
class CheckupsConfiguration {

    @Bean
    ReadCheckups readCheckups(ReadRecords reads, Facilities facilities, PhrSources sources, FhirContext context,
                              BlobStore blobs) {
        return new ReadCheckups(reads, facilities, sources, new CheckupReadings(context), blobs);
    }

    @Bean
    PaperPhotos paperPhotos(BlobStore blobs, PhotoProperties photos) {
        return new PaperPhotos(blobs, photos.maxSize().toBytes());
    }

    @Bean
    RecordPaperCheckup recordPaperCheckup(WriteRecords writes, VitalObservations observations, PhrSources sources,
                                          PaperPhotos photos) {
        return new RecordPaperCheckup(writes, new PaperFhir(observations, sources, Clock.systemUTC()), photos);
    }
}
