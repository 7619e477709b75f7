package org.musubi.imaging.archive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the DICOM archive (Orthanc) is and how Musubi signs in to it ({@code musubi.imaging.*}).
 *
 * @param orthancUrl Orthanc's HTTP base URL (e.g. {@code http://127.0.0.1:8042}); empty: imaging is off (no study is
 *                   indexed, the viewer and the proxy answer that no archive is set up)
 * @param username   the Orthanc user Musubi signs in as (HTTP basic); empty when Orthanc asks none
 * @param password   that user's password
 * @param dicomWebRoot the DICOMweb plugin's root under the base URL ({@code /dicom-web/} by default)
 * @param timeout    how long one request to the archive may take before it fails
 */
@ConfigurationProperties("musubi.imaging")
public record ArchiveProperties(@DefaultValue("") String orthancUrl, @DefaultValue("") String username,
                                @DefaultValue("") String password, @DefaultValue("/dicom-web/") String dicomWebRoot,
                                @DefaultValue("30s") Duration timeout) {

    /** Whether an archive is configured. */
    public boolean configured() {
        return orthancUrl != null && !orthancUrl.isBlank();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ArchiveProperties[orthancUrl=" + orthancUrl + ", username=" + username + ", dicomWebRoot=" + dicomWebRoot
                + ", timeout=" + timeout + "]";
    }
}
