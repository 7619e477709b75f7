package org.musubi.imaging.archive.web;

import org.musubi.imaging.archive.OrthancClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link NotSetUpPages} in front of the imaging pages. */
@Configuration(proxyBeanMethods = false)
class NotSetUpConfiguration implements WebMvcConfigurer {

    private final OrthancClient archive;

    NotSetUpConfiguration(OrthancClient archive) {
        this.archive = archive;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new NotSetUpPages(archive)).addPathPatterns(NotSetUpPages.PAGES);
    }
}
