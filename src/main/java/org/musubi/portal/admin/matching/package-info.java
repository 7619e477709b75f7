/**
 * The review of uncertain patient identity matches (名寄せ, see docs/glossary.md): the queue and one review with
 * its score breakdown ({@code /admin/matching}).
 */
package org.musubi.portal.admin.matching;
