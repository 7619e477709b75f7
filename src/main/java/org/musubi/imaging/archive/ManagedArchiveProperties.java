package org.musubi.imaging.archive;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Musubi's own DICOM archive ({@code musubi.imaging.managed.*}): where Debian's Orthanc and its DICOMweb plugin are
 * installed and no Orthanc URL is configured, Musubi runs an Orthanc of its own on a loopback port ({@link
 * ManagedOrthanc}).
 *
 * @param enabled   whether Musubi may start its own Orthanc ({@code true}); {@code false}: never (imaging stays off
 *                  without {@code musubi.imaging.orthanc-url})
 * @param directory where that Orthanc keeps its images, its index, its configuration and its log; kept across restarts
 */
@ConfigurationProperties("musubi.imaging.managed")
public record ManagedArchiveProperties(@DefaultValue("true") boolean enabled,
                                       @DefaultValue("./data/orthanc") Path directory) {
}
