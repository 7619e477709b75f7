package org.musubi.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A lab CSV made while it is read, never held whole: a header, then {@code orders} orders of
 * {@code perOrder} results each (one patient per order, JLAC10-coded glucose-like results). For
 * streaming tests and the benchmark's gigabyte run.
 */
public final class LabCsvStream extends InputStream {

    public static final String HEADER = "patient_id,name_kanji,name_kana,birth_date,sex,order_no,collected_at,"
            + "specimen_code,specimen_name,jlac10,test_name,value,unit,ref_low,ref_high,abnormal_flag,comment\r\n";

    private final long orders;
    private final int perOrder;
    private long row = -1;
    private byte[] line = new byte[0];
    private int position;
    private long delivered;

    public LabCsvStream(long orders, int perOrder) {
        this.orders = orders;
        this.perOrder = perOrder;
    }

    /** Bytes handed out so far. */
    public long delivered() {
        return delivered;
    }

    @Override
    public int read() {
        if (position == line.length && !next()) {
            return -1;
        }
        delivered++;
        return line[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == line.length && !next()) {
            return -1;
        }
        int n = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, n);
        position += n;
        delivered += n;
        return n;
    }

    private boolean next() {
        row++;
        if (row > orders * perOrder) {
            return false;
        }
        line = (row == 0 ? HEADER : row(row - 1)).getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    private String row(long index) {
        long order = index / perOrder;
        return "P" + order % 50_000 + ",山田 太郎,ヤマダ タロウ,1960-01-01,M,ORD-" + order + ",2024-04-01 08:30,023,血清,3D0100000019261"
                + (10 + index % perOrder) + ",グルコース," + (80 + index % 60) + ".5,mg/dL,70,109," + (index % 7 == 0 ? "H" : "") + ",\r\n";
    }
}
