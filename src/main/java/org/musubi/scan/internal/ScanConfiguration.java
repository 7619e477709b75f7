package org.musubi.scan.internal;

import org.musubi.scan.ScanProperties;
import org.musubi.scan.Scanner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Scanner}: clamd when {@code musubi.box.scan.clamd-host} is set, otherwise {@link NoScanner}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScanProperties.class)
class ScanConfiguration {

    @Bean
    Scanner boxScanner(ScanProperties properties) {
        if (!properties.configured()) {
            return new NoScanner();
        }
        return new ClamdScanner(properties.clamdHost().strip(), properties.clamdPort(), properties.maxBytes().toBytes(),
                properties.connectTimeout(), properties.readTimeout());
    }
}
