package org.musubi.fhirapi.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlPrologTest {

    @Test
    void findsADoctypeAfterTheDeclarationCommentsAndInstructions() {
        assertThat(XmlProlog.declaresDoctype("\uFEFF<?xml version=\"1.0\"?>\n<!-- <a> -->\n<?pi x?><!DOCTYPE Patient>"
                + "<Patient/>")).isTrue();
        assertThat(XmlProlog.declaresDoctype("  <!doctype Patient><Patient/>")).isTrue();
    }

    @Test
    void ignoresDoctypeTextInsideTheDocument() {
        assertThat(XmlProlog.declaresDoctype("<?xml version=\"1.0\"?><Patient><!-- <!DOCTYPE x> --></Patient>")).isFalse();
        assertThat(XmlProlog.declaresDoctype("<?xml unterminated")).isFalse();
        assertThat(XmlProlog.declaresDoctype("")).isFalse();
    }

    @Test
    void parserMessagesKeepThePositionAndDropCodeNames() {
        assertThat(ParserMessages.readable("HAPI-1851: DataFormatException at [[row,col {unknown-source}]: [1,1]]: "
                + "HAPI-1814: Incorrect resource type")).isEqualTo("HAPI-1851: line 1, column 1: HAPI-1814: Incorrect resource type");
        assertThat(ParserMessages.readable("HAPI-1861: Document nesting depth (1001) exceeds the maximum allowed (1000, "
                + "from `StreamReadConstraints.getMaxNestingDepth()`)"))
                .isEqualTo("HAPI-1861: Document nesting depth (1001) exceeds the maximum allowed (1000)");
        assertThat(ParserMessages.readable("No enum constant ca.uhn.fhir.rest.api.RequestTypeEnum.PUU"))
                .isEqualTo("the body could not be read");
    }
}
