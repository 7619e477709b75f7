package org.musubi.blob.s3;

import java.net.URI;
import java.util.Map;

/**
 * Where the blobs are in object storage: a bucket at an S3-compatible endpoint, addressed path-style
 * ({@code http://minio:9000/bucket/key}) or virtual-hosted ({@code https://bucket.s3.…amazonaws.com/key}),
 * with an optional prefix before every object's name.
 *
 * @param endpoint  scheme, host and port only, e.g. {@code https://s3.ap-northeast-1.amazonaws.com}
 * @param region    the region the signature is scoped to
 * @param name      the bucket
 * @param pathStyle whether the bucket goes in the path rather than the host name
 * @param prefix    put before each object's name; empty, or ending with {@code /}
 */
public record S3Bucket(URI endpoint, String region, String name, boolean pathStyle, String prefix) {

    /** The host as the HTTP client sends it in {@code Host}: with the port only when it is not the scheme's default. */
    String host() {
        String host = pathStyle ? endpoint.getHost() : name + "." + endpoint.getHost();
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || port == ("https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** The encoded path of an object, the same in the request line and in the signature. */
    String path(String object) {
        String key = SignatureV4.encode(prefix + object, true);
        return pathStyle ? "/" + name + "/" + key : "/" + key;
    }

    URI uri(String object, Map<String, String> query) {
        String canonicalQuery = SignatureV4.query(query);
        return URI.create(endpoint.getScheme() + "://" + host() + path(object)
                + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery));
    }

    /** How an object is named in messages: bucket and full key, never anything secret. */
    String describe(String object) {
        return name + "/" + prefix + object;
    }
}
