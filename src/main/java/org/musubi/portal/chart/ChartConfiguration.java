package org.musubi.portal.chart;

import java.time.Clock;
import org.musubi.consent.Consents;
import org.musubi.medication.MedicationChecks;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.record.ReadRecords;
import org.musubi.registry.Facilities;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChartConfiguration {

    @Bean
    MedicationReview medicationReview(MedicationChecks checks, Facilities facilities) {
        return new MedicationReview(checks, facilities);
    }

    @Bean
    PatientChart patientChart(ReadRecords records, Consents consents, MedicationReview medications,
                              SelfReports selfReports) {
        return new PatientChart(records, consents, medications, selfReports, Clock.systemUTC());
    }
}
