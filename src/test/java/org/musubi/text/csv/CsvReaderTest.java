package org.musubi.text.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musubi.text.csv.CsvReader.CsvRecord;

/** The one CSV reader: RFC 4180 records with the lines they start and end on. */
class CsvReaderTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvRecord> records = CsvReader.records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\ny");

        assertThat(records).containsExactly(new CsvRecord(1, 1, List.of("a", "b,c", "say \"hi\"")),
                new CsvRecord(2, 3, List.of("two\nlines", "x")), new CsvRecord(4, 4, List.of("y")));
    }

    @Test
    void anEmptyLineIsOneEmptyFieldAndNothingFollowsTheLastLineEnd() {
        assertThat(CsvReader.records("a\r\n\r\nb\r\n")).extracting(CsvRecord::fields)
                .containsExactly(List.of("a"), List.of(""), List.of("b"));
        assertThat(CsvReader.records("")).isEmpty();
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        assertThat(CsvReader.records("5\"x,y\r")).singleElement()
                .satisfies(r -> assertThat(r.fields()).containsExactly("5\"x", "y"));
    }
}
