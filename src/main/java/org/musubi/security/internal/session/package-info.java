/**
 * The signed-in session: its upgrade to full rights once the second factor is proven, its end when the user
 * is disabled, acting as a user for a piece of work, and who the audit trail records as acting.
 */
package org.musubi.security.internal.session;
