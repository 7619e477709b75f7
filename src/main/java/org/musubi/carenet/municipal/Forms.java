package org.musubi.carenet.municipal;

import java.util.Arrays;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.record.fhir.FhirSystems;

/**
 * The forms of this part as FHIR R4 Questionnaires, written by the team from public knowledge of the paper forms: the
 * 主治医意見書 (attending physician's opinion for the long-term-care certification; its sections as in the form the
 * Ministry of Health, Labour and Welfare publishes, revised for 2026) and the 退院時情報共有 sheet (what a hospital tells
 * the care manager at discharge, 入退院支援). Each item's text is Japanese with its English as the standard translation
 * extension; choice answers are codes of {@link FhirSystems#OPINION_CODES}. The forms are checked like any imported
 * Questionnaire ({@code pathway.TemplateCheck}, in {@code FormsTest}).
 */
public final class Forms {

    /** The form's version: a filled form names {@code url|version}. */
    public static final String VERSION = "2026";

    private Forms() {
    }

    /** The 主治医意見書 (2026 layout, as far as public knowledge goes). */
    public static Questionnaire opinion() {
        Questionnaire q = form(FhirSystems.OPINION_QUESTIONNAIRE, "主治医意見書", "Attending physician's opinion");
        q.addItem(required(group("basics", "記入の前提", "Basics",
                choice("consent", "意見書が介護サービス計画の作成に利用されることへの本人の同意", "The applicant agrees the opinion is used for the care plan", true,
                        "consent-yes|同意する|Agrees", "consent-no|同意しない|Does not agree"),
                question("lastVisit", QuestionnaireItemType.DATE, "最終診察日", "Date of the last examination", true),
                choice("times", "意見書作成回数", "Opinions written for this person", true,
                        "times-first|初回|First", "times-again|2回目以上|Second or later"),
                question("otherDepartments", QuestionnaireItemType.STRING, "他科受診の有無（受診科）",
                        "Other departments seen", false))));
        q.addItem(required(group("disease", "1. 傷病に関する意見", "1. On the diseases",
                question("diagnosis1", QuestionnaireItemType.STRING, "診断名（特定疾病または生活機能低下の直接の原因となっている傷病名）1",
                        "Diagnosis 1 (the specified disease, or the direct cause of the decline)", true),
                question("onset1", QuestionnaireItemType.STRING, "発症年月日 1（昭和・平成・令和、西暦のいずれでも）", "Onset 1", false),
                question("diagnosis2", QuestionnaireItemType.STRING, "診断名 2", "Diagnosis 2", false),
                question("onset2", QuestionnaireItemType.STRING, "発症年月日 2", "Onset 2", false),
                question("diagnosis3", QuestionnaireItemType.STRING, "診断名 3", "Diagnosis 3", false),
                question("onset3", QuestionnaireItemType.STRING, "発症年月日 3", "Onset 3", false),
                choice("stability", "症状としての安定性", "Stability of the condition", true,
                        "stable|安定|Stable", "unstable|不安定|Unstable", "stability-unknown|不明|Unknown"),
                when(question("instability", QuestionnaireItemType.TEXT, "不安定とした場合の具体的な状況",
                        "How it is unstable", true), "stability", "unstable"),
                question("course", QuestionnaireItemType.TEXT,
                        "生活機能低下の直接の原因となっている傷病または特定疾病の経過及び投薬内容を含む治療内容",
                        "Course of the disease and treatment, medicines included", true))));
        q.addItem(group("specialCare", "2. 特別な医療（過去14日間以内に受けた医療）", "2. Special medical care (the last 14 days)",
                repeating(choice("treatments", "処置内容", "Treatments", false,
                        "drip|点滴の管理|Intravenous drip", "tpn|中心静脈栄養|Central venous nutrition", "dialysis|透析|Dialysis",
                        "stoma|ストーマの処置|Stoma care", "oxygen|酸素療法|Oxygen therapy",
                        "respirator|レスピレーター|Respirator", "tracheostomy|気管切開の処置|Tracheostomy care",
                        "pain|疼痛の看護|Pain nursing", "tube|経管栄養|Tube feeding")),
                repeating(choice("specialNursing", "特別な対応", "Special care", false,
                        "monitor|モニター測定（血圧、心拍、酸素飽和度等）|Monitoring (blood pressure, heart rate, SpO2)",
                        "pressureUlcer|褥瘡の処置|Pressure ulcer care")),
                repeating(choice("incontinenceCare", "失禁への対応", "Incontinence", false,
                        "catheter|カテーテル（コンドームカテーテル、留置カテーテル等）|Catheter"))));
        q.addItem(required(group("mind", "3. 心身の状態に関する意見", "3. On mind and body",
                choice("bedridden", "障害高齢者の日常生活自立度（寝たきり度）", "Independence of elderly people with disabilities", true,
                        "ind|自立|Independent", "J1|J1|J1", "J2|J2|J2", "A1|A1|A1", "A2|A2|A2", "B1|B1|B1", "B2|B2|B2",
                        "C1|C1|C1", "C2|C2|C2"),
                choice("dementia", "認知症高齢者の日常生活自立度", "Independence of elderly people with dementia", true,
                        "dem-ind|自立|Independent", "I|Ⅰ|I", "IIa|Ⅱa|IIa", "IIb|Ⅱb|IIb", "IIIa|Ⅲa|IIIa", "IIIb|Ⅲb|IIIb",
                        "IV|Ⅳ|IV", "M|M|M"),
                choice("memory", "短期記憶", "Short-term memory", true,
                        "memory-ok|問題なし|No problem", "memory-problem|問題あり|A problem"),
                choice("decisions", "日常の意思決定を行うための認知能力", "Cognition for daily decisions", true,
                        "dec-ind|自立|Independent", "dec-some|いくらか困難|Some difficulty",
                        "dec-watch|見守りが必要|Needs watching", "dec-unable|判断できない|Cannot decide"),
                choice("communication", "自分の意思の伝達能力", "Making oneself understood", true,
                        "com-yes|伝えられる|Can", "com-some|いくらか困難|Some difficulty",
                        "com-limited|具体的要求に限られる|Concrete needs only", "com-no|伝えられない|Cannot"),
                choice("bpsd", "認知症の行動・心理症状（BPSD）", "Behavioural and psychological symptoms of dementia", true,
                        "bpsd-no|無|None", "bpsd-yes|有|Present"),
                when(repeating(choice("bpsdItems", "BPSD の内容", "Which symptoms", true,
                        "hallucination|幻視・幻聴|Hallucinations", "delusion|妄想|Delusions",
                        "dayNight|昼夜逆転|Day-night reversal", "verbal|暴言|Verbal aggression", "violence|暴行|Violence",
                        "resistance|介護への抵抗|Resisting care", "wandering|徘徊|Wandering",
                        "fire|火の不始末|Careless with fire", "unclean|不潔行為|Unclean behaviour", "pica|異食行動|Pica",
                        "sexual|性的問題行動|Sexual behaviour problems", "bpsd-other|その他|Other")), "bpsd", "bpsd-yes"),
                question("psychiatric", QuestionnaireItemType.STRING, "その他の精神・神経症状（症状名、専門医受診の有無）",
                        "Other psychiatric or neurological symptoms", false),
                choice("hand", "利き腕", "Dominant hand", false, "right|右|Right", "left|左|Left"),
                limited(question("height", QuestionnaireItemType.DECIMAL, "身長（cm）", "Height (cm)", false), 50, 250),
                limited(question("weight", QuestionnaireItemType.DECIMAL, "体重（kg）", "Weight (kg)", false), 10, 250),
                question("body", QuestionnaireItemType.TEXT, "身体の状態（麻痺、筋力低下、関節拘縮、褥瘡など、部位と程度）",
                        "State of the body (paralysis, weakness, contractures, ulcers: where and how much)", false))));
        q.addItem(required(group("living", "4. 生活機能とサービスに関する意見", "4. On daily functioning and services",
                choice("walking", "屋外歩行", "Walking outdoors", true, "walk-ind|自立|Independent",
                        "walk-help|介助があればしている|With help", "walk-no|していない|Does not"),
                choice("wheelchair", "車いすの使用", "Wheelchair", false, "wc-no|用いていない|Not used",
                        "wc-self|主に自分で操作している|Mostly by oneself", "wc-other|主に他人が操作している|Mostly by others"),
                choice("eating", "食事行為", "Eating", true, "eat-self|自立ないし何とか自分で食べられる|Eats by oneself",
                        "eat-help|全面介助|Full help"),
                choice("nutrition", "現在の栄養状態", "Nutrition now", true, "nut-good|良好|Good", "nut-poor|不良|Poor"),
                repeating(choice("risks", "現在あるかまたは今後発生の可能性の高い状態", "Present or likely conditions", false,
                        "urinary|尿失禁|Urinary incontinence", "fall|転倒・骨折|Falls and fractures",
                        "mobility|移動能力の低下|Reduced mobility", "ulcer|褥瘡|Pressure ulcers",
                        "cardio|心肺機能の低下|Reduced heart and lung function", "withdrawal|閉じこもり|Staying indoors",
                        "motivation|意欲低下|Loss of motivation", "wander|徘徊|Wandering",
                        "malnutrition|低栄養|Malnutrition", "swallowing|摂食・嚥下機能低下|Eating and swallowing decline",
                        "dehydration|脱水|Dehydration", "infection|易感染性|Prone to infection",
                        "cancerPain|がん等による疼痛|Pain from cancer and the like", "risk-other|その他|Other")),
                choice("outlook", "サービス利用による生活機能の維持・改善の見通し", "Outlook with services", true,
                        "outlook-yes|期待できる|Expected", "outlook-no|期待できない|Not expected",
                        "outlook-unknown|不明|Unknown"),
                repeating(choice("medicalServices", "医学的管理の必要性", "Medical management needed", false,
                        "homeVisit|訪問診療|Home visits by a doctor", "homeNursing|訪問看護|Home nursing",
                        "homeDental|訪問歯科診療|Home dental care", "homePharmacy|訪問薬剤管理指導|Home pharmacy visits",
                        "homeRehab|訪問リハビリテーション|Home rehabilitation",
                        "shortStay|短期入所療養介護|Short-stay care with medical management",
                        "dentalHygiene|訪問歯科衛生指導|Home dental hygiene", "homeNutrition|訪問栄養食事指導|Home nutrition guidance",
                        "dayRehab|通所リハビリテーション|Day rehabilitation")),
                question("cautions", QuestionnaireItemType.TEXT, "サービス提供時における医学的観点からの留意事項（血圧、摂食、嚥下、移動、運動など）",
                        "Medical cautions for the services (blood pressure, eating, swallowing, moving, exercise)", false),
                choice("infectious", "感染症の有無", "Infectious disease", true, "inf-no|無|None", "inf-yes|有|Present",
                        "inf-unknown|不明|Unknown"),
                when(question("infectiousName", QuestionnaireItemType.STRING, "感染症名", "Which infection", true),
                        "infectious", "inf-yes"))));
        q.addItem(group("notes", "5. 特記すべき事項", "5. Other remarks",
                question("remarks", QuestionnaireItemType.TEXT,
                        "要介護認定及び介護サービス計画作成時に必要な医学的なご意見等", "Medical opinions needed for the certification and the care plan", false)));
        return q;
    }

    /** The 退院時情報共有 sheet: what a hospital tells the care manager when a patient goes home. */
    public static Questionnaire dischargeSheet() {
        Questionnaire q = form(FhirSystems.DISCHARGE_SHEET_QUESTIONNAIRE, "退院時情報共有シート", "Discharge information sheet");
        q.addItem(required(group("stay", "入院の概要", "The stay",
                question("admitted", QuestionnaireItemType.DATE, "入院日", "Admitted", true),
                question("discharged", QuestionnaireItemType.DATE, "退院日（予定）", "Discharged (planned)", true),
                question("diagnoses", QuestionnaireItemType.TEXT, "病名（主病名・合併症）", "Diagnoses", true),
                question("course", QuestionnaireItemType.TEXT, "入院中の経過と治療", "Course and treatment", false))));
        q.addItem(required(group("adl", "退院時の日常生活動作（ADL）", "Daily activities at discharge",
                adl("adlMove", "移動", "Moving"), adl("adlEat", "食事", "Eating"), adl("adlToilet", "排泄", "Toileting"),
                adl("adlBath", "入浴", "Bathing"), adl("adlDress", "更衣", "Dressing"))));
        q.addItem(required(group("care", "退院後の医療とケア", "Care after discharge",
                question("medicines", QuestionnaireItemType.TEXT, "退院時の処方・服薬管理", "Medicines and who manages them", false),
                question("careNeeds", QuestionnaireItemType.TEXT, "必要な医療処置・看護・介護（注意点）", "Medical and nursing care needed", true),
                repeating(choice("services", "希望するサービス", "Services wanted", false,
                        "svc-homeVisit|訪問診療|Home visits by a doctor", "svc-nursing|訪問看護|Home nursing",
                        "svc-helper|訪問介護|Home help", "svc-rehab|訪問・通所リハビリテーション|Rehabilitation",
                        "svc-day|通所介護|Day care", "svc-short|短期入所|Short stay",
                        "svc-equipment|福祉用具|Equipment", "svc-housing|住宅改修|Home adaptation")),
                question("contact", QuestionnaireItemType.STRING, "病院の連絡窓口（部署・担当者・電話）", "Hospital contact (department, person, phone)", true),
                question("notes", QuestionnaireItemType.TEXT, "その他（本人・家族の意向など）", "Other (the patient's and family's wishes)", false))));
        return q;
    }

    private static QuestionnaireItemComponent adl(String linkId, String ja, String en) {
        return choice(linkId, ja, en, true, linkId + "-ind|自立|Independent", linkId + "-watch|見守り|Supervision",
                linkId + "-part|一部介助|Partial help", linkId + "-full|全介助|Full help");
    }

    private static Questionnaire form(String url, String ja, String en) {
        Questionnaire q = new Questionnaire();
        q.setUrl(url).setVersion(VERSION).setStatus(PublicationStatus.ACTIVE).setTitle(ja);
        q.getTitleElement().addExtension(translation(en));
        return q;
    }

    private static QuestionnaireItemComponent group(String linkId, String ja, String en,
                                                    QuestionnaireItemComponent... items) {
        QuestionnaireItemComponent group = question(linkId, QuestionnaireItemType.GROUP, ja, en, false);
        Arrays.stream(items).forEach(group::addItem);
        return group;
    }

    private static QuestionnaireItemComponent question(String linkId, QuestionnaireItemType type, String ja, String en,
                                                       boolean required) {
        QuestionnaireItemComponent item = new QuestionnaireItemComponent().setLinkId(linkId).setType(type)
                .setText(ja).setRequired(required);
        item.getTextElement().addExtension(translation(en));
        return item;
    }

    /** A choice; each option is {@code code|日本語|English}. */
    private static QuestionnaireItemComponent choice(String linkId, String ja, String en, boolean required,
                                                     String... options) {
        QuestionnaireItemComponent item = question(linkId, QuestionnaireItemType.CHOICE, ja, en, required);
        for (String option : options) {
            String[] parts = option.split("\\|");
            Coding coding = new Coding(FhirSystems.OPINION_CODES, parts[0], parts[1]);
            coding.getDisplayElement().addExtension(translation(parts[2]));
            item.addAnswerOption().setValue(coding);
        }
        return item;
    }

    private static QuestionnaireItemComponent required(QuestionnaireItemComponent item) {
        return item.setRequired(true);
    }

    private static QuestionnaireItemComponent repeating(QuestionnaireItemComponent item) {
        return item.setRepeats(true);
    }

    private static QuestionnaireItemComponent when(QuestionnaireItemComponent item, String question, String code) {
        item.addEnableWhen(new QuestionnaireItemEnableWhenComponent().setQuestion(question)
                .setOperator(QuestionnaireItemOperator.EQUAL).setAnswer(new Coding(FhirSystems.OPINION_CODES, code, null)));
        return item;
    }

    private static QuestionnaireItemComponent limited(QuestionnaireItemComponent item, int min, int max) {
        item.addExtension(FhirSystems.MIN_VALUE, new DecimalType(min));
        item.addExtension(FhirSystems.MAX_VALUE, new DecimalType(max));
        return item;
    }

    private static Extension translation(String en) {
        Extension translation = new Extension(FhirSystems.TRANSLATION);
        translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType("en"));
        translation.addExtension("content", new StringType(en));
        return translation;
    }
}
