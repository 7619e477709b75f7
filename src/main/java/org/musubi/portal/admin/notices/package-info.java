/** The notice board editor: write, publish and withdraw notices ({@code /admin/notices}). */
package org.musubi.portal.admin.notices;
