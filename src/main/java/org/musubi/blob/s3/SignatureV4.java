package org.musubi.blob.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for S3, written from the published specification ("Authenticating Requests:
 * Using the Authorization Header"): a canonical request, a string to sign that carries its hash, and
 * an HMAC-SHA256 chain from the secret key through the date, the region and the service. The secret
 * never leaves this class, and {@link #toString()} does not show it.
 */
final class SignatureV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The SHA-256 of no content, the payload hash of a request without a body. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SERVICE = "s3";
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private final String accessKey;
    private final byte[] secret;
    private final String region;

    SignatureV4(String accessKey, String secretKey, String region) {
        this.accessKey = accessKey;
        this.secret = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        this.region = region;
    }

    /**
     * The {@code Authorization} header of a request. {@code path} and {@code query} are given already
     * encoded ({@link #encode}, {@link #query}), exactly as they are sent; {@code headers} are all the
     * headers to sign, among them {@code host}, {@code x-amz-date} and {@code x-amz-content-sha256}
     * (the payload hash).
     */
    String authorization(String method, String path, String query, Map<String, String> headers) {
        Map<String, String> canonical = canonicalHeaders(headers);
        String timestamp = required(canonical, "x-amz-date");
        String scope = timestamp.substring(0, 8) + "/" + region + "/" + SERVICE + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest(method, path, query, canonical));
        byte[] key = secret;
        for (String part : scope.split("/")) {
            key = hmac(key, part);
        }
        return ALGORITHM + " Credential=" + accessKey + "/" + scope + ",SignedHeaders=" + String.join(";", canonical.keySet())
                + ",Signature=" + HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    /** The canonical request: method, path, query, headers, the signed header names and the payload hash. */
    static String canonicalRequest(String method, String path, String query, Map<String, String> headers) {
        Map<String, String> canonical = canonicalHeaders(headers);
        return method + "\n" + path + "\n" + query + "\n"
                + canonical.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining())
                + "\n" + String.join(";", canonical.keySet()) + "\n" + required(canonical, "x-amz-content-sha256");
    }

    /**
     * URI-encodes as the specification asks: every byte but the unreserved {@code A-Z a-z 0-9 - . _ ~}
     * as {@code %XY} (upper-case hex), and {@code /} kept as it is in an object's path.
     */
    static String encode(String text, boolean keepSlash) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlash && c == '/')) {
                encoded.append(c);
            } else {
                encoded.append('%').append(UPPER_HEX.toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    /** The canonical query string: names and values encoded, sorted by name, {@code name=} for no value. */
    static String query(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .map(e -> encode(e.getKey(), false) + "=" + encode(e.getValue(), false))
                .collect(Collectors.joining("&"));
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SignatureV4[" + region + "]";
    }

    private static Map<String, String> canonicalHeaders(Map<String, String> headers) {
        Map<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll(" +", " ")));
        return canonical;
    }

    private static String required(Map<String, String> canonical, String name) {
        String value = canonical.get(name);
        if (value == null) {
            throw new IllegalArgumentException("a signed S3 request needs the header " + name);
        }
        return value;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
