package org.musubi.ingest.ssmix2.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musubi.ingest.ssmix2.Ssmix2Problems;
import org.musubi.ingest.adapter.Location;

class Ssmix2FileNameTest {

    @Test
    void readsTheSevenFields() {
        Ssmix2FileName name = valid("9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1");

        assertThat(name.patientId()).isEqualTo("9999013");
        assertThat(name.careDate()).isEqualTo("20110701");
        assertThat(name.dataType()).isEqualTo("OMP-01");
        assertThat(name.orderNo()).isEqualTo("000000011000185");
        assertThat(name.timestamp()).isEqualTo("20110701224603984");
        assertThat(name.department()).isEqualTo("01");
        assertThat(name.condition()).isEqualTo(ConditionFlag.CURRENT);
        assertThat(name.recordKey()).isEqualTo("ssmix2:OMP-01:20110701:000000011000185");
    }

    @Test
    void readsUndatedDataWithoutDepartmentAndTheOtherFlags() {
        Ssmix2FileName undated = valid("9999013_-_ADT-00_999999999999999_20111220224447339_-_2");
        assertThat(undated.undated()).isTrue();
        assertThat(undated.condition()).isEqualTo(ConditionFlag.SUPERSEDED);
        assertThat(undated.recordKey()).isEqualTo("ssmix2:ADT-00:-:999999999999999");
        assertThat(valid("9999013_20111013_OMD_123456789012345_20111014232213000_01_0").condition())
                .isEqualTo(ConditionFlag.DELETED);
    }

    @Test
    void readsAnExtendedStorageTypeEvenWithAnUnderscoreInIt() {
        Ssmix2FileName name = valid("0123456789_20160101_L_01^退院_時^99Z^18842-5^退院時サマリー^LN_000000020160101_20160101150032100_-_1");

        assertThat(name.dataType()).isEqualTo("L_01^退院_時^99Z^18842-5^退院時サマリー^LN");
        assertThat(name.extended()).isTrue();
        assertThat(name.orderNo()).isEqualTo("000000020160101");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "9999013_20110701_OMP-01_000000011000185_20110701224603984_01; ssmix2.name.fields",
        "_20110701_OMP-01_000000011000185_20110701224603984_01_1; ssmix2.name.patient-id",
        "9999013456789012_20110701_OMP-01_000000011000185_20110701224603984_01_1; ssmix2.name.patient-id",
        "..1_20110701_OMP-01_000000011000185_20110701224603984_01_1; ssmix2.name.patient-id",
        "9999013_20110231_OMP-01_000000011000185_20110701224603984_01_1; ssmix2.name.care-date",
        "9999013_2011070_OMP-01_000000011000185_20110701224603984_01_1; ssmix2.name.care-date",
        "9999013_20110701_omp-01_000000011000185_20110701224603984_01_1; ssmix2.name.data-type",
        "9999013_20110701_OMP-1_000000011000185_20110701224603984_01_1; ssmix2.name.data-type",
        "9999013_20110701_OMP-01__20110701224603984_01_1; ssmix2.name.order-no",
        "9999013_20110701_OMP-01_12345678901234567890123_20110701224603984_01_1; ssmix2.name.order-no",
        "9999013_20110701_OMP-01_000000011000185_2011070122460_01_1; ssmix2.name.timestamp",
        "9999013_20110701_OMP-01_000000011000185_20110701_01_1; ssmix2.name.timestamp",
        "9999013_20110701_OMP-01_000000011000185_201107012246039840_01_1; ssmix2.name.timestamp",
        "9999013_20110701_OMP-01_000000011000185_2011070122460a_01_1; ssmix2.name.timestamp",
        "9999013_20110701_OMP-01_000000011000185_20110701246039_01_1; ssmix2.name.timestamp",
        "9999013_20110701_OMP-01_000000011000185_20110701224603984_01-A_1; ssmix2.name.department",
        "9999013_20110701_OMP-01_000000011000185_20110701246039840_01_1; ssmix2.name.timestamp",
        "9999013_20110701_OMP-01_000000011000185_20110701224603984_内科_1; ssmix2.name.department",
        "9999013_20110701_OMP-01_000000011000185_20110701224603984_01_3; ssmix2.name.condition",
        "9999013_20110701_OMP-01_000000011000185_20110701224603984_01_; ssmix2.name.condition"})
    void namesTheMalformedField(String name, String code) {
        Ssmix2FileName.NameCheck check = Ssmix2FileName.parse(name);

        assertThat(check).isInstanceOfSatisfying(Ssmix2FileName.NameCheck.Invalid.class,
                invalid -> assertThat(invalid.fault().code()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource({
        "20110701224603,    20110701224603000",
        "201107012246039,   20110701224603900",
        "2011070122460398,  20110701224603980",
        "201107012246,      20110701224600000"})
    void readsAShorterTimestampPaddedToTheSpecificationsPrecisionWithAWarning(String written, String read) {
        var check = (Ssmix2FileName.NameCheck.Valid) Ssmix2FileName.parse(
                "9999013_20110701_OMP-01_000000011000185_" + written + "_01_1");

        assertThat(check.name().timestamp()).isEqualTo(read);
        assertThat(check.deviations()).singleElement().satisfies(deviation -> {
            assertThat(deviation.code()).isEqualTo("ssmix2.name.timestamp-short");
            assertThat(Ssmix2Problems.at(Location.file("a/b"), deviation).japanese())
                    .contains("a/b", "発生日時「" + written + "」", written.length() + " 桁", read);
        });
    }

    @Test
    void readsAnEmptyDepartmentAsNoneWithAWarning() {
        var check = (Ssmix2FileName.NameCheck.Valid) Ssmix2FileName.parse(
                "9999013_20110701_OMP-01_000000011000185_20110701224603984__1");

        assertThat(check.name().department()).isEqualTo("-");
        assertThat(check.name().condition()).isEqualTo(ConditionFlag.CURRENT);
        assertThat(check.deviations()).extracting(Fault::code).containsExactly("ssmix2.name.department-empty");
    }

    @Test
    void keepsALongerLocalDepartmentCodeWithAWarning() {
        var check = (Ssmix2FileName.NameCheck.Valid) Ssmix2FileName.parse(
                "9999013_20110701_OMP-01_000000011000185_2011070122460398_010101_1");

        assertThat(check.name().department()).isEqualTo("010101");
        assertThat(check.deviations()).extracting(Fault::code)
                .containsExactly("ssmix2.name.timestamp-short", "ssmix2.name.department-long");
    }

    @Test
    void aNameAsSpecifiedHasNoDeviations() {
        var check = (Ssmix2FileName.NameCheck.Valid) Ssmix2FileName.parse(
                "9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1");

        assertThat(check.deviations()).isEmpty();
    }

    @Test
    void givesTheMalformedValueForTheText() {
        var check = (Ssmix2FileName.NameCheck.Invalid) Ssmix2FileName.parse("9999013_20110701_OMP-01_1_20110701224603984_01_9");

        assertThat(check.fault().args()).containsExactly("9");
        assertThat(Ssmix2Problems.at(Location.file("a/b"), check.fault()).japanese())
                .contains("a/b", "コンディションフラグ「9」", "0（削除）");
    }

    private static Ssmix2FileName valid(String name) {
        Ssmix2FileName.NameCheck check = Ssmix2FileName.parse(name);
        assertThat(check).isInstanceOf(Ssmix2FileName.NameCheck.Valid.class);
        return ((Ssmix2FileName.NameCheck.Valid) check).name();
    }
}
