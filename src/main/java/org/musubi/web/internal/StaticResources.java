package org.musubi.web.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, each family under its own path: the style sheet, the scripts, the favicon and the WebJars
 * (requested without their version, as the templates name them). Spring Boot's default maps {@code /**} instead
 * (switched off with {@code spring.web.resources.add-mappings=false}); with that pattern, every link a page wrote
 * ({@code @{/portal/patients/…}}) was looked up as a possible static file on the class path, jar by jar, on every
 * page view: 17 % of the server's CPU samples under the load benchmark (issue 23). Now only links under these
 * paths are looked up, and their answers are cached.
 * <p>
 * The packages bundled from npm under {@code /js/vendor/} (Cornerstone3D's 4.6 MB bundle and its decoding worker,
 * pdf.js, tus) may be kept by the browser and are asked again with {@code If-Modified-Since} on each use
 * ({@code Cache-Control: private, no-cache}; 304 while unchanged): public code of the jar, no patient data, and the
 * browser compiles them once instead of on every page (the imaging viewer's first image, bench/README.md). Every other
 * answer keeps Spring Security's {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/vendor/**").addResourceLocations("classpath:/static/js/vendor/")
                .setCacheControl(CacheControl.noCache().cachePrivate()).resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/favicon.*").addResourceLocations("classpath:/static/").resourceChain(true);
    }
}
