package org.musubi.secretariat.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentCountTest {

    @Test
    void anAddressCountsOnceInTheLongestListedMunicipalityThatCoversIt() {
        ResidentCount count = new ResidentCount(List.of("広島市", "広島市中区", "呉市", "府中市"), 34);
        count.add("広島県広島市中区基町１０－５２", true);
        count.add("広島市南区比治山本町1-2", false);
        count.add("広島県 呉市 中央4丁目", true);
        count.add("東京都府中市宮西町2-24", true);
        count.add("府中市府川町315", false);
        count.add("広島県三原市港町", true);
        count.add(null, true);
        assertThat(count.counts().get("広島市中区")).containsExactly(1, 1);
        assertThat(count.counts().get("広島市")).containsExactly(1, 0);
        assertThat(count.counts().get("呉市")).containsExactly(1, 1);
        assertThat(count.counts().get("府中市")).as("another prefecture's 府中市 is not this one's; none named is")
                .containsExactly(1, 0);
    }
}
