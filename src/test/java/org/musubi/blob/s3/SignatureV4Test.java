package org.musubi.blob.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the S3 specification ("Signature Calculations for the Authorization Header:
 * Transferring Payload in a Single Chunk"), with its documented example credentials, date and
 * expected signatures.
 */
class SignatureV4Test {

    private static final SignatureV4 EXAMPLE =
            new SignatureV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");
    private static final String HOST = "examplebucket.s3.amazonaws.com";
    private static final String DATE = "20130524T000000Z";

    @Test
    void signsTheGetObjectExample() {
        Map<String, String> headers = Map.of("Host", HOST, "Range", "bytes=0-9",
                "x-amz-content-sha256", SignatureV4.EMPTY_SHA256, "x-amz-date", DATE);

        String canonical = SignatureV4.canonicalRequest("GET", "/test.txt", "", headers);
        String authorization = EXAMPLE.authorization("GET", "/test.txt", "", headers);

        assertThat(canonical).isEqualTo("""
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
        assertThat(SignatureV4.sha256Hex(canonical))
                .isEqualTo("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
        assertThat(authorization).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                + "aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void signsThePutObjectExampleWithItsPayloadHashAndAnEncodedKey() {
        String payload = SignatureV4.sha256Hex("Welcome to Amazon S3.");
        Map<String, String> headers = Map.of("Host", HOST, "Date", "Fri, 24 May 2013 00:00:00 GMT",
                "x-amz-date", DATE, "x-amz-storage-class", "REDUCED_REDUNDANCY", "x-amz-content-sha256", payload);
        String path = "/" + SignatureV4.encode("test$file.text", true);

        assertThat(payload).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        assertThat(path).isEqualTo("/test%24file.text");
        assertThat(signature(EXAMPLE.authorization("PUT", path, "", headers)))
                .isEqualTo("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void signsTheBucketExamplesWithTheirQueryStrings() {
        Map<String, String> headers = Map.of("Host", HOST, "x-amz-content-sha256", SignatureV4.EMPTY_SHA256,
                "x-amz-date", DATE);

        String lifecycle = SignatureV4.query(Map.of("lifecycle", ""));
        String listing = SignatureV4.query(Map.of("prefix", "J", "max-keys", "2"));

        assertThat(lifecycle).isEqualTo("lifecycle=");
        assertThat(listing).isEqualTo("max-keys=2&prefix=J");
        assertThat(signature(EXAMPLE.authorization("GET", "/", lifecycle, headers)))
                .isEqualTo("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
        assertThat(signature(EXAMPLE.authorization("GET", "/", listing, headers)))
                .isEqualTo("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void encodesAllButUnreservedCharactersAndKeepsSlashesOnlyInPaths() {
        assertThat(SignatureV4.encode("a b+c/d~e_f.g-h=ü", true)).isEqualTo("a%20b%2Bc/d~e_f.g-h%3D%C3%BC");
        assertThat(SignatureV4.encode("a/b", false)).isEqualTo("a%2Fb");
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(EXAMPLE.toString()).doesNotContain("wJalrXUtnFEMI");
    }

    private static String signature(String authorization) {
        return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    }
}
