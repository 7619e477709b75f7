/**
 * 非常時バックアップ (issue 26, item 6): a disclosing hospital whose own system is down finds its own patient by its own
 * patient ID and reads, in the clinicians' viewer opened for purpose {@code OWN_RECORDS}, exactly what it sent to the
 * network — the access policy's {@code ownSourceData}: no link, no consent, never another facility's data.
 */
package org.musubi.portal.ownrecords;
