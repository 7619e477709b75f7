package org.musubi.smallcounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The one small-count rule and its one setting. */
class SmallCountsTest {

    private static final SmallCounts RULE = new SmallCounts(10);

    @Test
    void aCountFromOneToBelowTheThresholdIsSmall() {
        assertThat(RULE.small(0)).isFalse();
        assertThat(RULE.small(1)).isTrue();
        assertThat(RULE.small(9)).isTrue();
        assertThat(RULE.small(10)).isFalse();
    }

    @Test
    void aListsTotalIsHiddenWhenExactlyOneCountIsSmallOrItIsSmallItself() {
        assertThat(RULE.totalHidden(List.of(120L, 4L, 30L))).as("120 + ? + 30 = 154 gives ? = 4").isTrue();
        assertThat(RULE.totalHidden(List.of(120L, 4L, 3L, 30L))).isFalse();
        assertThat(RULE.totalHidden(List.of(120L, 0L, 30L))).isFalse();
        assertThat(RULE.totalHidden(List.of(3L, 3L))).isTrue();
    }

    @Test
    void theSettingDefaultsToTenAndRefusesLessThanTwo() {
        assertThat(bind(Map.of()).suppressBelow()).isEqualTo(SmallCounts.DEFAULT);
        assertThat(bind(Map.of("musubi.small-counts.suppress-below", "20")).suppressBelow()).isEqualTo(20);
        assertThatThrownBy(() -> bind(Map.of("musubi.small-counts.suppress-below", "1")))
                .hasRootCauseMessage("musubi.small-counts.suppress-below must be at least 2: 1");
        assertThatThrownBy(() -> new SmallCounts(1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SmallCountProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("musubi.small-counts", SmallCountProperties.class);
    }
}
