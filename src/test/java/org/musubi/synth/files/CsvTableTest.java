package org.musubi.synth.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksOnly() {
        assertThat(CsvTable.field("広島県呉市")).isEqualTo("広島県呉市");
        assertThat(CsvTable.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvTable.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvTable.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvTable.field(null)).isEmpty();
    }

    @Test
    void writesHeaderThenRowsInUtf8WithLineFeeds(@TempDir Path directory) throws IOException {
        CsvTable<String> table = new CsvTable<>(List.of("name", "note"), s -> List.of(s, s + ",x"));
        Path file = directory.resolve("t.csv");

        table.write(Stream.of("佐藤", "髙橋"), file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("name,note\n佐藤,\"佐藤,x\"\n髙橋,\"髙橋,x\"\n");
    }
}
