package org.musubi.phr.sheet;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.musubi.blob.BlobStore;
import org.musubi.phr.MyMedicines;
import org.musubi.phr.otc.OtcRecords;
import org.musubi.photos.PhotoProperties;
import org.musubi.phr.vitals.PhrSources;
import org.musubi.phr.vitals.VitalObservations;
import org.musubi.record.ReadRecords;
import org.musubi.record.WriteRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the emergency sheet. */
@Configuration(proxyBeanMethods = false)
class SheetConfiguration {

    @Bean
    SheetRecords sheetRecords(FhirContext context, PhrSources sources, VitalObservations observations) {
        return new SheetRecords(context, sources, observations, Clock.systemUTC());
    }

    @Bean
    SelfReports selfReports(SheetRecords sheets, OtcRecords otc) {
        return new SelfReports(sheets, otc);
    }

    @Bean
    SheetPhotos sheetPhotos(EmergencySheets sheets, BlobStore blobs, PhotoProperties photos, SheetProperties properties) {
        return new SheetPhotos(sheets, blobs, photos.maxSize().toBytes(), properties);
    }

    @Bean
    EmergencySheets emergencySheets(ReadRecords reads, WriteRecords writes, SheetRecords records, MyMedicines medicines) {
        return new EmergencySheets(reads, writes, records, medicines);
    }
}
