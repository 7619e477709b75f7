package org.musubi.imaging.stow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of a STOW-RS body. */
class MultipartRelatedTest {

    @Test
    void theBoundaryComesFromAMultipartRelatedTypeOfDicomOnly() {
        assertThat(MultipartRelated.boundary("multipart/related; type=\"application/dicom\"; boundary=abc")).isEqualTo("abc");
        assertThat(MultipartRelated.boundary("multipart/related; boundary=\"x y\"")).isEqualTo("x y");
        assertThat(MultipartRelated.boundary("multipart/related; type=\"application/dicom+xml\"; boundary=abc"))
                .as("metadata and bulk data are not taken").isNull();
        assertThat(MultipartRelated.boundary("multipart/form-data; boundary=abc")).isNull();
        assertThat(MultipartRelated.boundary(null)).isNull();
    }

    @Test
    void eachPartsContentWithoutItsHeaders() {
        String body = "--b\r\nContent-Type: application/dicom\r\n\r\nONE\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nTWO\r\n--b\r\nContent-Type: application/dicom\r\n\r\n"
                + "TH\r\nREE\r\n--b--\r\n";
        List<byte[]> parts = MultipartRelated.parts(body.getBytes(StandardCharsets.US_ASCII), "b");
        assertThat(parts).hasSize(3);
        assertThat(new String(parts.get(0), StandardCharsets.US_ASCII)).isEqualTo("ONE");
        assertThat(parts.get(1)).as("not DICOM").isNull();
        assertThat(new String(parts.get(2), StandardCharsets.US_ASCII)).isEqualTo("TH\r\nREE");
        assertThat(MultipartRelated.parts("--b\r\nno end".getBytes(StandardCharsets.US_ASCII), "b")).isNull();
    }
}
