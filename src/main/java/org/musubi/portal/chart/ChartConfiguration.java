package org.musubi.portal.chart;

import java.time.Clock;
import org.musubi.consent.Consents;
import org.musubi.medication.fhir.ReadMedications;
import org.musubi.phr.sheet.SelfReports;
import org.musubi.record.ReadRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChartConfiguration {

    @Bean
    PatientChart patientChart(ReadRecords records, Consents consents, ReadMedications medications,
                              SelfReports selfReports) {
        return new PatientChart(records, consents, medications, selfReports, Clock.systemUTC());
    }
}
