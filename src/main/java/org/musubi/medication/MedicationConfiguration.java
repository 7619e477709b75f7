package org.musubi.medication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.musubi.medication.fhir.ReadMedications;
import org.musubi.medication.master.DrugMaster;
import org.musubi.medication.master.DrugMasterStore;
import org.musubi.medication.master.LoadDrugMaster;
import org.musubi.registry.Facilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the drug master's use cases; in demo mode, loads a small demo master into an empty one. */
@Configuration(proxyBeanMethods = false)
class MedicationConfiguration {

    static final String DEMO_MASTER = "medication/demo-drug-master.csv";
    private static final Logger log = LoggerFactory.getLogger(MedicationConfiguration.class);

    @Bean
    LoadDrugMaster loadDrugMaster(DrugMasterStore store) {
        return new LoadDrugMaster(store);
    }

    @Bean
    MedicationChecks medicationChecks(DrugMaster master) {
        return new MedicationChecks(master);
    }

    @Bean
    ReadMedications readMedications(MedicationChecks checks, Facilities facilities) {
        return new ReadMedications(checks, facilities);
    }

    /** Demo mode with seeding on (not in commands): an empty master gets the demo's drugs. */
    @Bean
    ApplicationRunner demoDrugMaster(Environment environment, DrugMaster master, LoadDrugMaster load) {
        return args -> {
            if (environment.getProperty("musubi.demo.enabled", Boolean.class, false)
                    && environment.getProperty("musubi.demo.seed", Boolean.class, true) && master.count() == 0) {
                log.info("Demo drug master loaded: {} products", loadDemo(load).load().rowsLoaded());
            }
        };
    }

    static LoadDrugMaster.Outcome loadDemo(LoadDrugMaster load) {
        try (InputStream csv = MedicationConfiguration.class.getClassLoader().getResourceAsStream(DEMO_MASTER)) {
            if (csv == null) {
                throw new IllegalStateException("missing class-path resource " + DEMO_MASTER);
            }
            return load.loadCsv("demo-drug-master.csv", csv, "demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
