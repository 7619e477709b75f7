/**
 * Case consultations (症例相談, issue 44): a thread between a requesting doctor and a specialist (a named user) or a
 * hospital department (a facility, optionally a department) about a patient — the question, attachments and
 * references to items of the record, answers, a status (open / answered / closed), unread counts per participant,
 * and a meeting time with a link to an external web-conference tool (no video in Musubi).
 *
 * <p>The thread is FHIR in the record (a header Communication, category {@code case-consultation}, and messages
 * {@code partOf} it; attachments as Binary), stored under the asking facility's own source patient through the
 * record's write door: the asker through {@code WriteRecords.enter} (standing for the person), the addressee through
 * {@code WriteRecords.answerDisclosed}. The addressee reads through {@code ReadRecords.readDisclosed} (policy {@code
 * AccessPolicy.decideDisclosed}): the thread and the items referenced in it, never the rest of the record. Anyone
 * else, and a guessed id, get the answer of a thread that does not exist, audited once. The bookkeeping (participants,
 * the thread's rows in order, status, meeting, what each participant read) is in {@code consult.jdbc} (V56).
 */
package org.musubi.consult;
