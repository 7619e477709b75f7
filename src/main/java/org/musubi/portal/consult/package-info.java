/**
 * The case consultations' pages (症例相談, issue 44): asking from the patient's page, the list of the user's threads
 * (open / answered / closed, unread in bold), a thread's page (messages, attachments, referenced record items, answer,
 * meeting time and link, close). Thin over {@link org.musubi.consult.Consultations}, which decides and audits.
 */
package org.musubi.portal.consult;
