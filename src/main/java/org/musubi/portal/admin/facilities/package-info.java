/** The facility registry screens: list, create and edit facilities ({@code /admin/facilities}). */
package org.musubi.portal.admin.facilities;
