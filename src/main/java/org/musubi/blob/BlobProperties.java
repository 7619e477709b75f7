package org.musubi.blob;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where files are kept.
 *
 * @param directory the local directory of the blob store; back it up with the database
 * @param maxSize   the largest single file accepted (larger uploads are refused with 413)
 */
@ConfigurationProperties("musubi.blob")
public record BlobProperties(
        @DefaultValue("./data/blobs") Path directory,
        @DefaultValue("100MB") DataSize maxSize) {
}
