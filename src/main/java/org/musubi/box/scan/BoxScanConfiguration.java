package org.musubi.box.scan;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Scanner}: clamd when {@code musubi.box.scan.clamd-host} is set, otherwise {@link NoScanner}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BoxScanProperties.class)
class BoxScanConfiguration {

    @Bean
    Scanner boxScanner(BoxScanProperties properties) {
        if (!properties.configured()) {
            return new NoScanner();
        }
        return new ClamdScanner(properties.clamdHost().strip(), properties.clamdPort(), properties.maxBytes().toBytes(),
                properties.connectTimeout(), properties.readTimeout());
    }
}
