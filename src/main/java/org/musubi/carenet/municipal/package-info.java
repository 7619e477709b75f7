/**
 * Documents between a facility and an addressee outside the letters' exchange (issue 44): the 主治医意見書 a
 * municipality requests from a doctor for a resident's long-term-care certification and the opinion that comes back
 * (filled as a Questionnaire or uploaded as a signed PDF), the 退院時情報共有 sheet a hospital sends to a care manager,
 * and the 災害時要配慮者 flag (a FHIR Flag in the record) that responders see in disaster mode. What an author writes is
 * entered into the person's record through the one write door ({@code WriteRecords.enter}, the author's facility
 * holding the record); the addressee reads what was sent to it, and nothing else of the record, under the access
 * policy's addressee rule ({@code PersonAccess.interactDisclosed}); every read and write is one audit row.
 * docs/municipal.md.
 */
@NamedInterface("municipal")
package org.musubi.carenet.municipal;

import org.springframework.modulith.NamedInterface;
