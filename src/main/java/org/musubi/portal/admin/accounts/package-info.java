/**
 * The accounts that sign in: portal users ({@code /admin/users}, templates {@code admin/users} and
 * {@code admin/user-form}) and the API clients of facility systems ({@code /admin/api-clients}).
 */
package org.musubi.portal.admin.accounts;
