package org.musubi.blob;

import java.io.IOException;
import org.musubi.blob.s3.S3BlobStore;
import org.musubi.blob.s3.S3Bucket;
import org.musubi.blob.s3.S3Credentials;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobProperties.class)
class BlobConfiguration {

    @Bean
    BlobStore blobStore(BlobProperties properties) throws IOException {
        return switch (properties.kind()) {
            case LOCAL -> new LocalBlobStore(properties.directory());
            case S3 -> s3(properties);
        };
    }

    private static S3BlobStore s3(BlobProperties properties) {
        BlobProperties.S3Properties s3 = properties.s3();
        S3Bucket bucket = new S3Bucket(s3.endpointUri(), s3.region(), s3.bucket(), s3.pathStyle(), s3.keyPrefix());
        return new S3BlobStore(bucket, new S3Credentials(s3.accessKey(), s3.secretKey()), s3.partSize().toBytes(),
                properties.directory().resolve("tmp"));
    }
}
