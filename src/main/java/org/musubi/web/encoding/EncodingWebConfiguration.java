package org.musubi.web.encoding;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The doors that read a request's text strictly: query strings and form bodies ahead of security (which reads a form's
 * CSRF token), right after the read-only standby's filter; multipart forms' text fields just behind security (a form's
 * parts are taken apart only for a request security let in).
 */
@Configuration(proxyBeanMethods = false)
class EncodingWebConfiguration {

    /** Spring Security's filter chain ({@code spring.security.filter.order}'s default). */
    private static final int SECURITY_ORDER = -100;

    @Bean
    FilterRegistrationBean<FormDoor> formDoor(MessageSource messages,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm) {
        FilterRegistrationBean<FormDoor> registration =
                new FilterRegistrationBean<>(new FormDoor(new UndecodableAnswers(messages), maxForm.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        registration.addUrlPatterns("/*");
        registration.setName("formDoor");
        return registration;
    }

    @Bean
    FilterRegistrationBean<MultipartFieldDoor> multipartFieldDoor(MessageSource messages) {
        FilterRegistrationBean<MultipartFieldDoor> registration =
                new FilterRegistrationBean<>(new MultipartFieldDoor(new UndecodableAnswers(messages)));
        registration.setOrder(SECURITY_ORDER + 10);
        registration.addUrlPatterns("/*");
        registration.setName("multipartFieldDoor");
        return registration;
    }
}
