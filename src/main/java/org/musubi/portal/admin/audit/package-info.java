/**
 * Oversight screens of network operators: the audit trail with its search, CSV export and chain check
 * ({@code /admin/audit}), and the review of break-the-glass accesses ({@code /admin/emergency}); both show
 * names instead of bare ids ({@code ScreenNames}).
 */
package org.musubi.portal.admin.audit;
