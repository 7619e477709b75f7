package org.musubi.blob;

import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobProperties.class)
class BlobConfiguration {

    @Bean
    BlobStore blobStore(BlobProperties properties) throws IOException {
        return new LocalBlobStore(properties.directory());
    }
}
