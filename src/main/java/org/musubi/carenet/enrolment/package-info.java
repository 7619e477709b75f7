/**
 * Regional clinical pathways at work (issue 44): a patient's enrolment in a pathway (the template's code and version
 * kept), its stages across facilities (assigned facility, due date, who filled it), the stage forms — bound from a
 * page's fields into a QuestionnaireResponse ({@link org.musubi.carenet.enrolment.StageForm}), prefilled from the
 * record and entered through the record's write door with the mapped values extracted to Observations ({@link
 * org.musubi.carenet.enrolment.StageFilling}) — the pathway lists, what waits for a facility, and the operators'
 * statistics ({@link org.musubi.carenet.enrolment.PathwayStatistics}). docs/pathways.md.
 */
@NamedInterface("enrolment")
package org.musubi.carenet.enrolment;

import org.springframework.modulith.NamedInterface;
