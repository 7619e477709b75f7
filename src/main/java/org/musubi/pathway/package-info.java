/**
 * Regional clinical pathways (地域連携パス, issue 44): a pathway template is data, not code ({@link
 * org.musubi.pathway.PathwayTemplate}: stages in order, the facility kinds responsible for each, and per stage a form,
 * a FHIR R4 Questionnaire), read from Musubi's template JSON ({@link org.musubi.pathway.PathwayTemplates}; four are
 * shipped under {@code src/main/resources/pathways/}). A template or an imported Questionnaire is checked for
 * structure before it is used ({@link org.musubi.pathway.TemplateCheck}) and a filled form against its stage's
 * Questionnaire ({@link org.musubi.pathway.ResponseCheck}, with enable-when evaluated by {@link
 * org.musubi.pathway.Enablement}); each fault names the item and a message key ({@link org.musubi.pathway.FormFault}).
 * Plain Java over HAPI's R4 model: no database, no Spring. docs/pathways.md.
 */
package org.musubi.pathway;
