package org.musubi.print;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link PdfPrinter}, set in the configured fonts. */
@Configuration(proxyBeanMethods = false)
class PrintConfiguration {

    @Bean
    PdfPrinter pdfPrinter(PrintProperties properties) {
        return new PdfPrinter(properties.fonts());
    }
}
