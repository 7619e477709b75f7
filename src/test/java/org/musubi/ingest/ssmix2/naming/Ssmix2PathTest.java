package org.musubi.ingest.ssmix2.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ssmix2PathTest {

    private static final String NAME = "9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1";

    @Test
    void placesAFileInItsPatientDateAndTypeFolders() {
        Ssmix2Path path = placed("999/901/9999013/20110630/OMP-11/" + NAME);

        assertThat(path.name().patientId()).isEqualTo("9999013");
        assertThat(path.extended()).isEmpty();
    }

    @Test
    void namesExpectedAndActualFoldersOfAMisplacedFile() {
        Fault fault = faulty("000/000/0000001/20000401/ADT-31/" + NAME);

        assertThat(fault.code()).isEqualTo("ssmix2.misplaced");
        assertThat(fault.args()).containsExactly("999/901/9999013/20110630/OMP-11/", "000/000/0000001/20000401/ADT-31/");
    }

    @Test
    void refusesAFileTooShallowForItsFolders() {
        assertThat(faulty("9999013/20110630/OMP-11/" + NAME).code()).isEqualTo("ssmix2.misplaced");
    }

    @Test
    void acceptsABareFileNameAndBackslashesAndAFolderAboveTheRoot() {
        assertThat(placed(NAME).name().orderNo()).isEqualTo("123456789012345");
        assertThat(placed("999\\901\\9999013\\20110630\\OMP-11\\" + NAME).name().careDate()).isEqualTo("20110630");
        assertThat(placed("sampleData/999/901/9999013/20110630/OMP-11/" + NAME).name().dataType()).isEqualTo("OMP-11");
    }

    @Test
    void placesAnExtendedStorageMainDocumentUnderItsTypeAndContentFolders() {
        String type = "^退院時サマリー^^18842-5^退院時サマリー^LN";
        String content = "0123456789_20160101_" + type + "_000000020160101_20160101150032100_01_1";
        Ssmix2Path path = placed("012/345/0123456789/20160101/" + type + "/" + content + "/main_document.xml");

        assertThat(path.extended()).hasValueSatisfying(t -> assertThat(t.standardCode()).isEqualTo("18842-5"));
        assertThat(path.name().recordKey()).isEqualTo("ssmix2:" + type + ":20160101:000000020160101");
    }

    @Test
    void acceptsAContentFolderNamingItsTypeByCode() {
        String type = "L123^入院診療録^99ZZZ^11506-3^経過記録^LN";
        String content = "0123456789_20160101_11506-3_K1_20160101150032100_-_1";

        assertThat(placed("012/345/0123456789/20160101/" + type + "/" + content + "/doc.xml").name().dataType())
                .isEqualTo(type);
        Fault misplaced = faulty("012/345/0123456789/20160101/" + type
                + "/0123456789_20160101_18842-5_K1_20160101150032100_-_1/d.xml");
        assertThat(misplaced.code()).isEqualTo("ssmix2.misplaced");
        assertThat(misplaced.args()).as("where the name puts it, then where it is").containsExactly("18842-5/", type + "/");
    }

    @Test
    void readsAContentFolderWrittenWithoutItsDepartmentFieldWithAWarning() {
        // as one national hospital group's own export module names its vital-signs content folders: six fields
        String type = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
        String content = "0123456789_20160101_" + type + "_000000020160101_201601011500321_1";
        Ssmix2Path path = placed("012/345/0123456789/20160101/" + type + "/" + content + "/main_document.hl7");

        assertThat(path.name().orderNo()).isEqualTo("000000020160101");
        assertThat(path.name().timestamp()).isEqualTo("20160101150032100");
        assertThat(path.name().department()).isEqualTo("-");
        assertThat(path.name().condition()).isEqualTo(ConditionFlag.CURRENT);
        assertThat(path.name().recordKey()).isEqualTo("ssmix2:" + type + ":20160101:000000020160101");
        assertThat(path.deviations()).extracting(Fault::code)
                .containsExactly("ssmix2.name.timestamp-short", "ssmix2.name.department-missing");
    }

    @Test
    void readsSixFieldsOnlyAsTheSevenWithoutTheDepartment() {
        String type = "^退院時サマリー^^18842-5^退院時サマリー^LN";
        String noOrderNo = "0123456789_20160101_" + type + "_20160101150032100_01_1";

        assertThat(faulty("012/345/0123456789/20160101/" + type + "/" + noOrderNo + "/main_document.xml").code())
                .isEqualTo("ssmix2.name.fields");
        assertThat(faulty("999/901/9999013/20110630/OMP-11/9999013_20110630_OMP-11_123456789012345_20110701113813225_1")
                .code()).as("a standardized-storage file").isEqualTo("ssmix2.name.fields");
    }

    private static Ssmix2Path placed(String path) {
        Ssmix2Path.PathCheck check = Ssmix2Path.of(path);
        assertThat(check).isInstanceOf(Ssmix2Path.PathCheck.Placed.class);
        return ((Ssmix2Path.PathCheck.Placed) check).path();
    }

    private static Fault faulty(String path) {
        Ssmix2Path.PathCheck check = Ssmix2Path.of(path);
        assertThat(check).isInstanceOf(Ssmix2Path.PathCheck.Faulty.class);
        return ((Ssmix2Path.PathCheck.Faulty) check).fault();
    }
}
