package org.musubi.security.internal.smart;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents' apps (SMART App Launch): their settings ({@code musubi.smart}) and the SMART configuration under the FHIR
 * base URL as well ({@code /fhir/.well-known/smart-configuration}, where apps look for it first): a mapping more
 * specific than the FHIR servlet's, so that HAPI never sees it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmartProperties.class)
class SmartConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ServletRegistrationBean<HttpServlet> fhirSmartConfiguration() {
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(new DiscoveryServlet(),
                "/fhir/.well-known/smart-configuration");
        registration.setName("fhir-smart-configuration");
        return registration;
    }

    /** The SMART configuration, as {@code /.well-known/smart-configuration} serves it. */
    static final class DiscoveryServlet extends HttpServlet {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.getOutputStream().write(JSON.writeValueAsBytes(WellKnownController.smartConfiguration(Endpoints.of(request))));
        }
    }
}
