/**
 * What the record's write door ({@code record.WriteRecords}) hands its callers besides outcomes: an entry into a
 * person's record ({@link org.musubi.record.write.Entry}), what the party a disclosure was made to read and answered
 * ({@link org.musubi.record.write.Answered}); and the device's door, findings a device made about a facility's data
 * ({@link org.musubi.record.write.EnterFindings}). A named interface of {@code record}.
 */
@NamedInterface("write")
package org.musubi.record.write;

import org.springframework.modulith.NamedInterface;
