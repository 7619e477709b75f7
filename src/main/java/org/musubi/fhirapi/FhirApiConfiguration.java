package org.musubi.fhirapi;

import ca.uhn.fhir.context.FhirContext;
import org.musubi.fhirapi.binary.Binaries;
import org.musubi.fhirapi.binary.BinaryServlet;
import org.musubi.fhirapi.everything.EverythingJson;
import org.musubi.fhirapi.incoming.RequestBodyDoor;
import org.musubi.fhirapi.server.FhirServlet;
import org.musubi.record.fhir.BaseValidation;
import org.musubi.record.fhir.StructureRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The FHIR R4 API: a HAPI FHIR plain server (not HAPI's JPA server) on {@code /fhir}, over Musubi's
 * own stores and access policy. One {@link FhirContext} per JVM (the record store's); the servlet starts on first use so
 * HAPI's start-up cost stays off the application's start-up path.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FhirApiProperties.class)
class FhirApiConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ServletRegistrationBean<FhirServlet> fhirServlet(ObjectProvider<FhirServlet.Providers> providers, FhirContext context) {
        ServletRegistrationBean<FhirServlet> registration =
                new ServletRegistrationBean<>(new FhirServlet(context, providers), "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(-1);
        return registration;
    }

    /** {@code $everything} in JSON straight from the stored JSON (see {@link EverythingJson}). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<EverythingJson> everythingJson(
            ObjectProvider<EverythingJson.Parts> parts) {
        var registration = new FilterRegistrationBean<>(new EverythingJson(parts));
        registration.addUrlPatterns("/fhir/Patient/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /**
     * Once the application is ready, on a background thread: in mode {@code full}, builds HAPI's validator (4–18 s,
     * longer than a facility system's client may wait for its first write after a restart); in mode {@code standard},
     * reads R4's required codes (a few seconds). The start-up path itself never waits. Commands (no web server:
     * {@code import}, {@code drugs load} …) never validate, so they do neither; nor does a server started with
     * {@code musubi.fhir.warm-up=false} (one started for a short job: the first write then builds what it needs).
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent>
            validatorWarmUp(FhirApiProperties properties, BaseValidation validation,
                            StructureRules structure,
                            @Value("${musubi.fhir.warm-up:true}") boolean warmUp) {
        return event -> {
            if (!warmUp || !(event.getApplicationContext() instanceof WebServerApplicationContext)) {
                return;
            }
            Runnable warm = properties.validatesBaseR4() && !validation.ready() ? validation::warmUp
                    : properties.checksBaseR4() ? structure::warmUp : null;
            if (warm != null) {
                Thread.ofPlatform().daemon().name("fhir-validator-warm-up").priority(Thread.MIN_PRIORITY).start(warm);
            }
        };
    }

    /**
     * Request bodies over {@code musubi.fhir.max-request-size} refused with 413, and bodies that are not text in their
     * charset with 400, before HAPI reads them.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestBodyDoor> fhirRequestBodyDoor(FhirApiProperties properties, MessageSource messages) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyDoor(properties.maxRequestSize().toBytes(), messages));
        registration.addUrlPatterns("/fhir/*");
        return registration;
    }

    /** Binary content, streamed: a more specific mapping than the FHIR servlet's, so it takes /fhir/Binary. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ServletRegistrationBean<BinaryServlet> binaryServlet(ObjectProvider<Binaries> binaries) {
        ServletRegistrationBean<BinaryServlet> registration =
                new ServletRegistrationBean<>(new BinaryServlet(binaries), "/fhir/Binary", "/fhir/Binary/*");
        registration.setName("fhir-binary");
        return registration;
    }
}
