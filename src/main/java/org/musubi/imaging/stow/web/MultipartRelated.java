package org.musubi.imaging.stow.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a {@code multipart/related} body (RFC 2387), each part's content without its headers. */
final class MultipartRelated {

    private static final Pattern TYPE = Pattern.compile("(?i);\\s*type=(\"([^\"]{1,100})\"|([^;\\s]{1,100}))");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");

    private MultipartRelated() {
    }

    /** The boundary of {@code contentType}, when it is multipart/related with a part type DICOM or none. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
            return null;
        }
        Matcher type = TYPE.matcher(contentType);
        if (type.find() && !"application/dicom".equalsIgnoreCase(type.group(2) != null ? type.group(2) : type.group(3))) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
    }

    /** The parts' contents, or null when the body is not well formed; parts not of type application/dicom are null. */
    static List<byte[]> parts(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            return null;
        }
        while (true) {
            int after = at + delimiter.length;
            if (after + 2 <= body.length && body[after] == '-' && body[after + 1] == '-') {
                return parts;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), after);
            if (headersEnd < 0) {
                return null;
            }
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), headersEnd + 4);
            if (next < 0) {
                return null;
            }
            String headers = new String(body, after, headersEnd - after, StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            boolean dicom = !headers.contains("content-type:") || headers.contains("application/dicom");
            byte[] content = new byte[next - headersEnd - 4];
            System.arraycopy(body, headersEnd + 4, content, 0, content.length);
            parts.add(dicom ? content : null);
            at = next + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
