package org.musubi.receiptmaster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the receipt masters' load; in demo mode, loads the demo's small masters into empty ones. */
@Configuration(proxyBeanMethods = false)
class ReceiptMasterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReceiptMasterConfiguration.class);

    @Bean
    LoadReceiptMaster loadReceiptMaster(ReceiptMasterStore store) {
        return new LoadReceiptMaster(store);
    }

    /** Demo mode with seeding on (not in commands): empty masters get the demo's codes. */
    @Bean
    ApplicationRunner demoReceiptMaster(Environment environment, ReceiptMaster master, LoadReceiptMaster load) {
        return args -> {
            if (environment.getProperty("musubi.demo.enabled", Boolean.class, false)
                    && environment.getProperty("musubi.demo.seed", Boolean.class, true) && master.count() == 0) {
                log.info("Demo receipt masters loaded: {} codes", load.loadDemo("demo"));
            }
        };
    }
}
