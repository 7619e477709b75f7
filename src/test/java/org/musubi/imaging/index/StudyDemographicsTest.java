package org.musubi.imaging.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.imaging.index.StudyDemographics.Contradiction.BIRTH_DATE;
import static org.musubi.imaging.index.StudyDemographics.Contradiction.NAME;
import static org.musubi.imaging.index.StudyDemographics.Contradiction.SEX;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;

class StudyDemographicsTest {

    private static final SourcePatient HANAKO = new SourcePatient(1, 2, "P1", "髙橋", "花子", "タカハシ", "ハナコ",
            Sex.FEMALE, LocalDate.of(1950, 4, 1), null, null, null);

    private static StudyDemographics said(String name, String sex, String birth) {
        return new StudyDemographics(name, sex, birth);
    }

    @Test
    void theSamePatientAsModalitiesWriteHerContradictsNothing() {
        assertThat(said("ﾀｶﾊｼ^ﾊﾅｺ", "F", "19500401").contradictions(HANAKO)).as("half-width kana in the first group")
                .isEmpty();
        assertThat(said("TAKAHASHI^HANAKO=高橋^花子=たかはし^はなこ", "F", "19500401").contradictions(HANAKO))
                .as("the usual three groups, 髙 written as 高").isEmpty();
        assertThat(said("=高橋^花子", null, null).contradictions(HANAKO)).as("kanji only").isEmpty();
        assertThat(said("TAKAHASHI^HANAKO", "F", "19500401").contradictions(HANAKO))
                .as("Latin letters are not compared").isEmpty();
        assertThat(said(null, "O", "").contradictions(HANAKO)).as("what the study leaves out or calls other").isEmpty();
        assertThat(said("=高橋^花子=タカハシ^ハナエ", "F", null).contradictions(HANAKO))
                .as("one compared group agrees").isEmpty();
    }

    @Test
    void anotherPersonsNameSexOrBirthDateContradicts() {
        assertThat(said("TORICHIGAE^TARO=取違^太郎=とりちがえ^たろう", "M", "19500401").contradictions(HANAKO))
                .containsExactly(NAME, SEX);
        assertThat(said("ﾀｶﾊｼ^ﾊﾅｴ", "F", "19500402").contradictions(HANAKO)).containsExactly(NAME, BIRTH_DATE);
        assertThat(said("=高橋^花江", "F", "19500401").contradictions(HANAKO)).containsExactly(NAME);
    }

    @Test
    void aPatientWithoutAKanjiNameIsComparedByKanaOnly() {
        SourcePatient kanaOnly = new SourcePatient(1, 2, "P1", null, null, "タカハシ", "ハナコ", Sex.UNKNOWN, null,
                null, null, null);
        assertThat(said("=高橋^花江", "M", "19000101").contradictions(kanaOnly))
                .as("nothing the facility sent to compare with").isEmpty();
        assertThat(said("ﾀｶﾊｼ^ﾀﾛｳ", null, null).contradictions(kanaOnly)).containsExactly(NAME);
    }
}
