package org.musubi.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A care office's CSV read strictly: a row holding bytes its charset cannot read is a problem naming its place. */
class CareCsvTest {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    @Test
    void aRowWithBytesShiftJisCannotReadIsAProblemNamingLineColumnAndPlaceAndTheOthersAreRead() {
        String header = "regional_id,kind,date,time,duration_minutes,services,note\r\n";
        String first = "R0001,visit,2026-05-01,09:00,30,bathing,入浴介助\r\n";
        String badStart = "R0002,visit,2026-05-01,10:00,30,meals,食事";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((header + first + badStart).getBytes(SHIFT_JIS));
        int offset = file.size();
        file.write(0x85); // no Shift_JIS character begins with it
        file.writeBytes("介助\r\nR0003,visit,2026-05-01,11:00,20,other,見守り\r\n".getBytes(SHIFT_JIS));

        CareCsv.Parsed parsed = CareCsv.parse("kaigo.csv", file.toByteArray());

        assertThat(parsed.rows()).extracting(CareCsv.Row::regionalId).containsExactly("R0001", "R0003");
        assertThat(parsed.problems()).containsExactly(new CareCsv.Problem("kaigo.csv", 3, "note", "text.undecodable",
                List.of("3", String.valueOf(badStart.length() + 1), String.valueOf(offset), "0x85", "windows-31j")));
    }
}
