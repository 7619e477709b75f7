package org.musubi.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.blob.s3.S3BlobStore;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The blob settings bound as at start-up (environment variables over application.yml), without a
 * Spring context: which store they make, and the message a wrong setting gives.
 */
class BlobPropertiesTest {

    private static final String SECRET = "wJalrXUtnFEMI-test-secret";

    @TempDir
    Path directory;

    @Test
    void keepsFilesInTheLocalDirectoryByDefault() throws IOException {
        BlobProperties properties = bind(Map.of("MUSUBI_BLOB_DIRECTORY", directory.toString()));

        assertThat(properties.kind()).isEqualTo(BlobProperties.Kind.LOCAL);
        assertThat(properties.maxSize().toMegabytes()).isEqualTo(100);
        assertThat(new BlobConfiguration().blobStore(properties)).isInstanceOf(LocalBlobStore.class);
    }

    @Test
    void makesAnS3StoreFromEnvironmentVariables() throws IOException {
        BlobProperties properties = bind(minio());

        try (S3BlobStore store = (S3BlobStore) new BlobConfiguration().blobStore(properties)) {
            assertThat(store).hasToString("S3BlobStore[http://minio:9000 musubi/musubi/blobs/]");
        }
        assertThat(properties.s3().accessKey()).isEqualTo("musubi-app");
        assertThat(properties.s3().secretKey()).isEqualTo(SECRET);
        assertThat(properties.s3().region()).isEqualTo("us-east-1");
        assertThat(properties.s3().pathStyle()).isTrue();
        assertThat(properties.s3().partSize().toMegabytes()).isEqualTo(16);
        assertThat(properties.s3().keyPrefix()).isEqualTo("musubi/blobs/");
        assertThat(properties.s3().toString()).contains("bucket=musubi").doesNotContain(SECRET);
    }

    @Test
    void refusesToStartWithoutABucket() {
        Map<String, String> environment = minio();
        environment.remove("MUSUBI_BLOB_S3_BUCKET");

        assertRefused(environment, "musubi.blob.s3.bucket is required when musubi.blob.kind=s3 (the bucket must exist)");
    }

    @Test
    void refusesToStartWithoutTheSecretKey() {
        Map<String, String> environment = minio();
        environment.remove("MUSUBI_BLOB_S3_SECRET_KEY");

        assertRefused(environment, "musubi.blob.s3.secret-key is required when musubi.blob.kind=s3 "
                + "(give it by the environment variable MUSUBI_BLOB_S3_SECRET_KEY)");
    }

    @Test
    void refusesCredentialsInTheEndpointWithoutShowingThem() {
        Map<String, String> environment = minio();
        environment.put("MUSUBI_BLOB_S3_ENDPOINT", "http://musubi-app:" + SECRET + "@minio:9000");

        assertRefused(environment, "musubi.blob.s3.endpoint must not carry credentials; give them in "
                + "MUSUBI_BLOB_S3_ACCESS_KEY and MUSUBI_BLOB_S3_SECRET_KEY");
    }

    @Test
    void refusesAnEndpointWithAPathAndABadBucketName() {
        Map<String, String> environment = minio();
        environment.put("MUSUBI_BLOB_S3_ENDPOINT", "http://minio:9000/musubi");
        assertRefused(environment, "musubi.blob.s3.endpoint must be http(s)://host[:port] and nothing more: "
                + "http://minio:9000/musubi");

        environment = minio();
        environment.put("MUSUBI_BLOB_S3_BUCKET", "Musubi_Blobs");
        assertRefused(environment, "musubi.blob.s3.bucket must be an S3 bucket name (3-63 lower-case letters, digits, "
                + "dots and hyphens): Musubi_Blobs");
    }

    @Test
    void refusesPartsThatS3WouldRefuseOrThatCannotHoldTheLargestFile() {
        Map<String, String> environment = minio();
        environment.put("MUSUBI_BLOB_S3_PARTSIZE", "1MB");
        assertRefused(environment, "musubi.blob.s3.part-size must be between 5MB and 5GB (S3's limits): 1MB");

        environment = minio();
        environment.put("MUSUBI_BLOB_S3_PARTSIZE", "5MB");
        environment.put("MUSUBI_BLOB_MAXSIZE", "100GB");
        assertRefused(environment, "musubi.blob.max-size (102400MB) needs more than S3's 10000 parts of "
                + "musubi.blob.s3.part-size (5MB); raise the part size");
    }

    private Map<String, String> minio() {
        Map<String, String> environment = new HashMap<>();
        environment.put("MUSUBI_BLOB_KIND", "s3");
        environment.put("MUSUBI_BLOB_DIRECTORY", directory.toString());
        environment.put("MUSUBI_BLOB_S3_ENDPOINT", "http://minio:9000");
        environment.put("MUSUBI_BLOB_S3_BUCKET", "musubi");
        environment.put("MUSUBI_BLOB_S3_PREFIX", "musubi/blobs");
        environment.put("MUSUBI_BLOB_S3_ACCESS_KEY", "musubi-app");
        environment.put("MUSUBI_BLOB_S3_SECRET_KEY", SECRET);
        return environment;
    }

    private static void assertRefused(Map<String, String> environment, String message) {
        assertThatThrownBy(() -> bind(environment))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage(message);
        assertThatThrownBy(() -> bind(environment)).satisfies(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
            }
        });
    }

    private static BlobProperties bind(Map<String, String> environment) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environment)));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        Binder binder = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
        return binder.bindOrCreate("musubi.blob", BlobProperties.class);
    }
}
