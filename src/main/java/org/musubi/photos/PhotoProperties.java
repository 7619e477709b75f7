package org.musubi.photos;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Photos uploaded to be kept (residents' health notebook, care teams' wound photos); the property keeps its first
 * name, {@code musubi.phr.photos}.
 *
 * @param maxSize the largest photo file a resident or a team member may upload (JPEG or PNG); larger files are refused before they are
 *                read as pictures
 */
@ConfigurationProperties("musubi.phr.photos")
public record PhotoProperties(@DefaultValue("10MB") DataSize maxSize) {

    public PhotoProperties {
        if (maxSize.toBytes() < 1024 || maxSize.toBytes() > 100L * 1024 * 1024) {
            throw new IllegalArgumentException("musubi.phr.photos.max-size must be between 1KB and 100MB");
        }
    }
}
