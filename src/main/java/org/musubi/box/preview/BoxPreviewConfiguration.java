package org.musubi.box.preview;

import java.nio.file.Path;
import java.time.Clock;
import org.musubi.box.Box;
import org.musubi.box.BoxContent;
import org.musubi.box.BoxPreviews;
import org.musubi.box.ViewFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Box's previews, with LibreOffice for Office files when it is installed ({@code musubi.box.preview.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BoxPreviewProperties.class)
class BoxPreviewConfiguration {

    @Bean
    OfficeConverter boxOfficeConverter(BoxPreviewProperties properties) {
        Path home = LibreOfficeConverter.home(properties.officeHome());
        return home == null ? OfficeConverter.NONE
                : new LibreOfficeConverter(home, properties.officePort(), properties.officeTimeout());
    }

    @Bean
    BoxPreviews boxPreviews(Box box, ViewFile view, BoxContent content, OfficeConverter office, BoxPreviewProperties properties) {
        return new BoxPreviews(box, view, content, office, properties.officeMaxSize().toBytes(), Clock.systemUTC());
    }
}
