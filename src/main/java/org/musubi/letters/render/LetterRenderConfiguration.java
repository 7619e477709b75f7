package org.musubi.letters.render;

import org.musubi.print.PdfPrinter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.ITemplateEngine;

/** Wires the letters' rendering to the application's template engine and the printing machinery. */
@Configuration(proxyBeanMethods = false)
class LetterRenderConfiguration {

    @Bean
    LetterRendering letterRendering(ITemplateEngine templates, PdfPrinter pdf) {
        return new LetterRendering(templates, pdf);
    }
}
