/**
 * Emergencies (issue 26): ambulance crews at {@code /emergency} (the phone-first front of break-the-glass,
 * {@link org.musubi.policy.OpenEmergencyAccess}: a paramedic of a fire department finds the person in front of them
 * by card, by the QR code of the card or of the printed emergency sheet, or by exact kana name, birth date and sex,
 * and opens the emergency minimum dataset for a short time, one person at a time); the dataset itself (named
 * interface {@code dataset}); the hand-over to the receiving hospital ({@link org.musubi.emergency.HandOverToHospital},
 * {@link org.musubi.emergency.OpenHandOver}): a time-limited emergency link of that hospital to the person, never a
 * facility link; and the operators' review of every emergency access ({@link org.musubi.emergency.EmergencyReviews}).
 *
 * <p>This package is the module's public API; {@code jdbc} (its table) and {@code web} (its pages) are private.
 */
package org.musubi.emergency;
