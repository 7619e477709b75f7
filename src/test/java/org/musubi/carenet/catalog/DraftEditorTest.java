package org.musubi.carenet.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.PathwayTemplates;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form editor's changes to a draft's JSON: what it writes reads back the same and passes the template check as
 * the shipped forms do; an item is added inside a group, renamed with the conditions naming it, moved among its
 * siblings only, removed; a linkId that cannot be an address, or is taken, is refused.
 */
class DraftEditorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anItemWrittenByTheEditorReadsBackTheSameAndPassesTheTemplateCheck() {
        DraftEditor editor = draft();
        ItemFields fields = new ItemFields("alb", "アルブミン", "Albumin", "decimal", true, false, "g/dL", "0.5", "6.0",
                List.of(), List.of(new ItemFields.Condition("done", "=", "true")), "", "1751-7", "Albumin");
        editor.addItem("first", "", "alb", "decimal", "仮").changeItem("first", "alb", fields);

        assertThat(editor.item("first", "alb")).isEqualTo(fields);
        PathwayTemplate template = PathwayTemplates.read(JSON.writeValueAsString(editor.json()));
        Questionnaire.QuestionnaireItemComponent alb = template.stage("first").orElseThrow().form().getItem().get(1);
        assertThat(alb.getRequired()).isTrue();
        assertThat(alb.getEnableWhenFirstRep().getAnswerBooleanType().booleanValue()).isTrue();
        assertThat(alb.getCodeFirstRep().getCode()).isEqualTo("1751-7");
    }

    @Test
    void aChoiceGetsItsOwnCodeSystemAndAConditionOnItTakesTheOptionsCoding() {
        DraftEditor editor = draft();
        editor.addItem("first", "", "grade", "choice", "程度").changeItem("first", "grade", new ItemFields("grade", "程度",
                "Grade", "choice", false, false, "", "", "", List.of(new ItemFields.Option("mild", "軽度", "Mild", "1"),
                new ItemFields.Option("severe", "重度", "Severe", "3")), List.of(), "", "", ""));
        editor.addItem("first", "", "note", "string", "重度の内容").changeItem("first", "note", new ItemFields("note",
                "重度の内容", "", "string", false, false, "", "", "", List.of(),
                List.of(new ItemFields.Condition("grade", "=", "severe")), "", "", ""));

        Questionnaire form = PathwayTemplates.read(JSON.writeValueAsString(editor.json())).stage("first").orElseThrow().form();
        assertThat(form.getItem().get(1).getAnswerOptionFirstRep().getValueCoding().getSystem())
                .isEqualTo("urn:musubi:pathway:test:grade");
        assertThat(form.getItem().get(2).getEnableWhenFirstRep().getAnswerCoding().getCode()).isEqualTo("severe");
        assertThat(form.getItem().get(2).getEnableWhenFirstRep().getAnswerCoding().getSystem())
                .isEqualTo("urn:musubi:pathway:test:grade");
    }

    @Test
    void itemsAreAddedInAGroupRenamedWithTheirConditionsMovedAmongSiblingsAndRemoved() {
        DraftEditor editor = draft();
        editor.addItem("first", "", "vitals", "group", "バイタル").addItem("first", "vitals", "sbp", "integer", "収縮期")
                .addItem("first", "vitals", "dbp", "integer", "拡張期");
        ItemFields renamed = editor.item("first", "done");
        editor.changeItem("first", "done", new ItemFields("measured", renamed.textJa(), "", "boolean", false, false, "",
                "", "", List.of(), List.of(), "", "", ""));
        editor.changeItem("first", "sbp", new ItemFields("sbp", "収縮期", "", "integer", false, false, "mm[Hg]", "", "",
                List.of(), List.of(new ItemFields.Condition("measured", "=", "true")), "", "", ""));
        editor.moveItem("first", "dbp", -1).moveItem("first", "dbp", -1);

        assertThat(editor.lines("first")).extracting(l -> l.depth() + " " + l.fields().linkId())
                .containsExactly("0 measured", "0 vitals", "1 dbp", "1 sbp");
        editor.changeItem("first", "measured", new ItemFields("measured2", "測定", "", "boolean", false, false, "", "", "",
                List.of(), List.of(), "", "", ""));
        assertThat(editor.item("first", "sbp").enableWhen()).extracting(ItemFields.Condition::question)
                .containsExactly("measured2");
        editor.removeItem("first", "dbp");
        assertThat(editor.lines("first")).extracting(l -> l.fields().linkId()).containsExactly("measured2", "vitals", "sbp");
        assertThatThrownBy(() -> editor.addItem("first", "", "a/b", "string", "x")).isInstanceOf(CatalogRefused.class);
        assertThatThrownBy(() -> editor.addItem("first", "", "sbp", "string", "x")).isInstanceOf(CatalogRefused.class);
        assertThatThrownBy(() -> editor.removeItem("first", "nowhere")).isInstanceOfSatisfying(CatalogRefused.class,
                e -> assertThat(e.key()).isEqualTo(CatalogRefused.NOT_FOUND));
    }

    private static DraftEditor draft() {
        ObjectNode json = DraftEditor.empty("test", "1", "試験", "Test");
        DraftEditor editor = new DraftEditor(json);
        editor.addStage("first", "初回", "First", List.of("CLINIC"), 0).addItem("first", "", "done", "boolean", "実施");
        return editor;
    }
}
