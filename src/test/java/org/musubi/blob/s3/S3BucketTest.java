package org.musubi.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3BucketTest {

    private static final String OBJECT = "ab/cd/abcd";

    @Test
    void putsTheBucketInThePathForPathStyle() {
        S3Bucket minio = new S3Bucket(URI.create("http://minio:9000"), "us-east-1", "musubi", true, "blobs/");

        assertThat(minio.host()).isEqualTo("minio:9000");
        assertThat(minio.path(OBJECT)).isEqualTo("/musubi/blobs/ab/cd/abcd");
        assertThat(minio.uri(OBJECT, Map.of("uploadId", "a+b/c=", "partNumber", "2")))
                .hasToString("http://minio:9000/musubi/blobs/ab/cd/abcd?partNumber=2&uploadId=a%2Bb%2Fc%3D");
    }

    @Test
    void putsTheBucketInTheHostNameForVirtualHostedStyle() {
        S3Bucket aws = new S3Bucket(URI.create("https://s3.ap-northeast-1.amazonaws.com"), "ap-northeast-1",
                "musubi-prod", false, "");

        assertThat(aws.host()).isEqualTo("musubi-prod.s3.ap-northeast-1.amazonaws.com");
        assertThat(aws.uri(OBJECT, Map.of("uploads", "")))
                .hasToString("https://musubi-prod.s3.ap-northeast-1.amazonaws.com/ab/cd/abcd?uploads=");
    }

    @Test
    void leavesTheSchemesDefaultPortOutOfTheHostAsTheHttpClientDoes() {
        assertThat(new S3Bucket(URI.create("https://s3.example.jp:443"), "r", "b1b", true, "").host())
                .isEqualTo("s3.example.jp");
        assertThat(new S3Bucket(URI.create("http://s3.example.jp:80/"), "r", "b1b", true, "").host())
                .isEqualTo("s3.example.jp");
        assertThat(new S3Bucket(URI.create("https://s3.example.jp:8443"), "r", "b1b", true, "").host())
                .isEqualTo("s3.example.jp:8443");
    }

    @Test
    void hidesTheSecretKey() {
        assertThat(new S3Credentials("AKIAEXAMPLE", "very-secret")).hasToString(
                "S3Credentials[accessKey=AKIAEXAMPLE, secretKey=(hidden)]");
    }
}
