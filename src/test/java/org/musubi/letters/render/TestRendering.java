package org.musubi.letters.render;

import org.musubi.print.PdfPrinter;
import org.musubi.print.PrintProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The rendering as the application wires it, without Spring's context: its templates, messages and fonts. */
public final class TestRendering {

    private TestRendering() {
    }

    static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    static PdfPrinter pdf() {
        PrintProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("musubi.phr.sheet", PrintProperties.class);
        return new PdfPrinter(defaults.fonts());
    }

    public static LetterRendering rendering() {
        return new LetterRendering(templates(), pdf());
    }
}
