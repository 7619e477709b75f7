package org.musubi.receiptmaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A receipt comment in words, pattern by pattern, as the 摘要欄 prints it; nothing sent is dropped. */
class CommentTextTest {

    private static final Map<String, String> MODIFIERS = Map.of("2057", "右", "3069", "膝");

    @Test
    void eachPatternJoinsTheFixedTextAndTheData() {
        assertThat(of("10", "", List.of(), "疼痛時")).as("free text").isEqualTo("疼痛時");
        assertThat(of("20", "検査の結果のみを聞きに来院", List.of(), null)).as("fixed text").isEqualTo("検査の結果のみを聞きに来院");
        assertThat(of("30", "使用理由；", List.of(), "術後疼痛")).isEqualTo("使用理由；術後疼痛");
        assertThat(of("30", "使用理由", List.of(), "術後疼痛")).isEqualTo("使用理由　術後疼痛");
        assertThat(of("31", "部位", List.of(), "20573069")).as("修飾語 codes as names").isEqualTo("部位　右膝");
        assertThat(of("31", "部位", List.of(), "20579999")).as("an unknown 修飾語 as sent").isEqualTo("部位　右9999");
        assertThat(of("40", "１日　回点眼", List.of(new MasterEntry.Embed(3, 1)), "5")).isEqualTo("１日５回点眼");
        assertThat(of("40", "１日　回点眼", List.of(new MasterEntry.Embed(3, 1)), "12")).as("digits that do not fit follow")
                .isEqualTo("１日　回点眼　12");
        assertThat(of("50", "前回実施年月日", List.of(), "5060320")).isEqualTo("前回実施年月日　令和6年3月20日");
        assertThat(of("50", "前回実施年月日", List.of(), "20240320")).isEqualTo("前回実施年月日　2024年3月20日");
        assertThat(of("50", "前回実施年月日", List.of(), "不明")).isEqualTo("前回実施年月日　不明");
        assertThat(of("20", "別途コメントあり", List.of(), "追記")).as("data a fixed text has no place for").isEqualTo("別途コメントあり　追記");
    }

    @Test
    void aCommentWithoutAMasterEntryIsItsData() {
        assertThat(CommentText.of(null, "右眼", MODIFIERS::get)).isEqualTo("右眼");
        assertThat(CommentText.of(null, null, MODIFIERS::get)).isEmpty();
    }

    private static String of(String pattern, String name, List<MasterEntry.Embed> embeds, String data) {
        return CommentText.of(new MasterEntry(MasterKind.COMMENT, "8" + pattern + "000001", name, null, null, pattern, embeds),
                data, MODIFIERS::get);
    }
}
