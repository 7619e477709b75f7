/** The import screens: import sources, their runs and batches ({@code /admin/imports}). */
package org.musubi.portal.admin.imports;
