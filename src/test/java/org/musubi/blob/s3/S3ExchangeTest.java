package org.musubi.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class S3ExchangeTest {

    private final S3Exchange s3 = new S3Exchange(
            new S3Bucket(URI.create("https://s3.ap-northeast-1.amazonaws.com"), "ap-northeast-1", "musubi", false, "blobs/"),
            new S3Credentials("AKIAEXAMPLE", "secret-never-shown"), Clock.systemUTC());

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void namesTheRequestObjectStatusS3CodeMessageAndRequestId() {
        byte[] body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; \
                the region 'us-east-1' is wrong; expecting 'ap-northeast-1'</Message><RequestId>R1</RequestId></Error>"""
                .getBytes(StandardCharsets.UTF_8);

        S3Failure failure = s3.failure("PUT", "ab/cd/abcd", 400, body, headers(Map.of("x-amz-request-id", "R1")));

        assertThat(failure.code()).isEqualTo("AuthorizationHeaderMalformed");
        assertThat(failure).hasMessage("S3 PUT musubi/blobs/ab/cd/abcd failed: 400 AuthorizationHeaderMalformed: "
                + "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-northeast-1'"
                + "; check musubi.blob.s3.region and musubi.blob.s3.endpoint (request id R1)");
    }

    @Test
    void explainsARefusedHeadThatCarriesNoErrorCode() {
        S3Failure failure = s3.failure("HEAD", "ab/cd/abcd", 403, new byte[0], headers(Map.of()));

        assertThat(failure.code()).isEmpty();
        assertThat(failure).hasMessage("S3 HEAD musubi/blobs/ab/cd/abcd failed: 403; check musubi.blob.s3.access-key, "
                + "secret-key and region, and the bucket policy");
    }

    @Test
    void shortensALongMessage() {
        String body = "<Error><Code>InternalError</Code><Message>" + "x".repeat(500) + "</Message></Error>";

        S3Failure failure = s3.failure("GET", "ab/cd/abcd", 500, body.getBytes(StandardCharsets.UTF_8), headers(Map.of()));

        assertThat(failure.getMessage()).startsWith("S3 GET musubi/blobs/ab/cd/abcd failed: 500 InternalError: xxx")
                .endsWith("x…").hasSizeLessThan(300);
    }

    @Test
    void readsNoDocumentTypeOrExternalEntity() {
        String body = "<!DOCTYPE Error [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<Error><Code>&x;</Code><Message>&x;</Message></Error>";

        S3Failure failure = s3.failure("GET", "ab/cd/abcd", 500, body.getBytes(StandardCharsets.UTF_8), headers(Map.of()));

        assertThat(failure).hasMessage("S3 GET musubi/blobs/ab/cd/abcd failed: 500");
    }

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), (name, value) -> true);
    }
}
