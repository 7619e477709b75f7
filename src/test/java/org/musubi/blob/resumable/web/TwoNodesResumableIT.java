package org.musubi.blob.resumable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import me.desair.tus.server.upload.UploadLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.blob.LocalBlobStore;
import org.musubi.testing.MusubiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two instances of the resumable storage over one database and one blob directory, as two nodes: each continues what
 * the other began, and one node's lock on an upload holds the other off.
 */
@MusubiIntegrationTest
class TwoNodesResumableIT {

    private static final String URI = "/box/uploads";
    private static final String OWNER = "test:two-nodes";

    @Autowired DataSource dataSource;

    @Test
    void eachNodeContinuesTheOthersUpload(@TempDir Path blobs) throws Exception {
        ResumableUploads.Settings settings = new ResumableUploads.Settings(URI, 10_000_000, Duration.ofHours(1), 1000,
                Duration.ofMillis(300), 2);
        ResumableUploads nodeA = new ResumableUploads(dataSource, new LocalBlobStore(blobs), settings);
        ResumableUploads nodeB = new ResumableUploads(dataSource, new LocalBlobStore(blobs), settings);
        byte[] file = new byte[5000];
        ThreadLocalRandom.current().nextBytes(file);

        MockHttpServletResponse created = tus(nodeA, "POST", URI, null, null, file.length);
        assertThat(created.getStatus()).isEqualTo(201);
        String location = created.getHeader("Location");
        UUID id = nodeB.id(location);
        assertThat(tus(nodeA, "PATCH", location, "0", Arrays.copyOf(file, 2500), null).getStatus()).isEqualTo(204);
        assertThat(tus(nodeB, "HEAD", location, null, null, null).getHeader("Upload-Offset")).isEqualTo("2500");
        assertThat(tus(nodeB, "PATCH", location, "2500", Arrays.copyOfRange(file, 2500, 4000), null).getStatus())
                .isEqualTo(204);
        assertThat(tus(nodeA, "PATCH", location, "4000", Arrays.copyOfRange(file, 4000, 5000), null)
                .getHeader("Upload-Offset")).isEqualTo("5000");

        assertThat(nodeB.find(id, OWNER)).hasValueSatisfying(u -> assertThat(u.complete()).isTrue());
        assertThat(nodeB.find(id, "someone:else")).isEmpty();
        try (InputStream in = nodeB.open(id)) {
            assertThat(in.readAllBytes()).as("parts of 1000 bytes written by both nodes, in order").isEqualTo(file);
        }
        try (UploadLock held = nodeA.lock(id)) {
            assertThatThrownBy(() -> nodeB.lock(id)).isInstanceOf(ResumableUploads.Busy.class);
        }
        try (UploadLock free = nodeB.lock(id)) {
            assertThat(free).as("free again once node A let go").isNotNull();
        }
    }

    private static MockHttpServletResponse tus(ResumableUploads node, String method, String uri, String offset,
                                               byte[] body, Integer length) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.addHeader("Tus-Resumable", "1.0.0");
        if (length != null) {
            request.addHeader("Upload-Length", String.valueOf(length));
        }
        if (offset != null) {
            request.addHeader("Upload-Offset", offset);
            request.setContentType("application/offset+octet-stream");
            request.addHeader("Content-Type", "application/offset+octet-stream");
            request.setContent(body);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        node.process(request, response, OWNER);
        return response;
    }
}
