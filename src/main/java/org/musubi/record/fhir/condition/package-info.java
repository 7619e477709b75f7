/**
 * The one reading of a stored Condition for every screen, document, API answer and count: its status ({@link
 * org.musubi.record.fhir.condition.ConditionStatus}: whether it holds now, whether it is 疑い, whether it counts at
 * all), its codes ({@link org.musubi.record.fhir.condition.ConditionCodes}: the ICD-10 code and the disease master's
 * codes, the same systems the database's {@code research_codes} reads) and a person's active problems ({@link
 * org.musubi.record.fhir.condition.ActiveProblems}: one entry per diagnosis across the facilities that sent it, with
 * its earliest onset, its sources and its marks). The importers write 疑い through {@link
 * org.musubi.record.fhir.condition.ConditionStatus#SUSPECTED}. A named interface beside {@code record.fhir}.
 */
@NamedInterface("condition")
package org.musubi.record.fhir.condition;

import org.springframework.modulith.NamedInterface;
