package org.musubi.blob.s3;

/**
 * The access key and secret key the requests are signed with. The secret is never shown: not in
 * {@link #toString()}, not in any message.
 */
public record S3Credentials(String accessKey, String secretKey) {

    @Override
    public String toString() {
        return "S3Credentials[accessKey=" + accessKey + ", secretKey=(hidden)]";
    }
}
