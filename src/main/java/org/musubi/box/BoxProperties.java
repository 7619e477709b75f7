package org.musubi.box;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code musubi.box.*}: {@code file-max-size} (2GB), {@code quota} per account (5GB), {@code retention} (7d),
 * {@code sweep-every} (5m).
 */
@ConfigurationProperties("musubi.box")
public record BoxProperties(@DefaultValue("2GB") DataSize fileMaxSize, @DefaultValue("5GB") DataSize quota,
                            @DefaultValue("7d") Duration retention, @DefaultValue("5m") Duration sweepEvery) {

    BoxSettings settings() {
        return new BoxSettings(fileMaxSize.toBytes(), quota.toBytes(), retention);
    }
}
