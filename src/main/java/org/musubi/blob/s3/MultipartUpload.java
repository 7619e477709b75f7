package org.musubi.blob.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.musubi.blob.SpooledContent;

/**
 * A large file sent in parts: create the upload, send each part from its stretch of the spooled file
 * (one part at a time, read from the disk as it goes), then complete it; on any failure the upload
 * is aborted so that the store keeps no orphaned parts.
 */
final class MultipartUpload {

    private static final int ANSWER_LIMIT = 1024 * 1024;

    private final S3Exchange s3;
    private final String object;

    MultipartUpload(S3Exchange s3, String object) {
        this.s3 = s3;
        this.object = object;
    }

    void send(SpooledContent content, long partSize) throws IOException {
        String uploadId = create();
        try {
            List<String> etags = new ArrayList<>();
            for (long offset = 0; offset < content.size(); offset += partSize) {
                Payload part = Payload.slice(content.file(), offset, Math.min(partSize, content.size() - offset));
                etags.add(part(uploadId, etags.size() + 1, part));
            }
            complete(uploadId, etags);
        } catch (IOException | RuntimeException e) {
            abort(uploadId, e);
            throw e;
        }
    }

    private String create() throws IOException {
        byte[] answer = expectOk("POST ?uploads", s3.send("POST", object, Map.of("uploads", ""), Payload.EMPTY));
        return S3Xml.text(answer, "UploadId").filter(id -> !id.isEmpty())
                .orElseThrow(() -> new IOException("S3 POST ?uploads " + s3.describe(object) + " answered no UploadId"));
    }

    private String part(String uploadId, int number, Payload part) throws IOException {
        Map<String, String> query = Map.of("partNumber", String.valueOf(number), "uploadId", uploadId);
        HttpResponse<InputStream> response = s3.send("PUT", object, query, part);
        if (response.statusCode() != 200) {
            throw s3.failure("PUT part " + number, object, response);
        }
        response.body().close();
        return response.headers().firstValue("ETag")
                .orElseThrow(() -> new IOException("S3 PUT part " + number + " of " + s3.describe(object) + " answered no ETag"));
    }

    private void complete(String uploadId, List<String> etags) throws IOException {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>")
                    .append(S3Xml.escape(etags.get(i))).append("</ETag></Part>");
        }
        xml.append("</CompleteMultipartUpload>");
        HttpResponse<InputStream> response = s3.send("POST", object, Map.of("uploadId", uploadId), Payload.text(xml.toString()));
        byte[] answer = expectOk("POST ?uploadId", response);
        // S3 may answer 200 and report the failure in the body.
        if (S3Xml.text(answer, "Code").isPresent()) {
            throw s3.failure("POST ?uploadId", object, 200, answer, response.headers());
        }
    }

    private void abort(String uploadId, Exception cause) {
        try {
            HttpResponse<InputStream> response = s3.send("DELETE", object, Map.of("uploadId", uploadId), Payload.EMPTY);
            if (response.statusCode() / 100 != 2) {
                cause.addSuppressed(s3.failure("DELETE ?uploadId", object, response));
            } else {
                response.body().close();
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private byte[] expectOk(String what, HttpResponse<InputStream> response) throws IOException {
        if (response.statusCode() != 200) {
            throw s3.failure(what, object, response);
        }
        try (InputStream in = response.body()) {
            return in.readNBytes(ANSWER_LIMIT);
        }
    }
}
