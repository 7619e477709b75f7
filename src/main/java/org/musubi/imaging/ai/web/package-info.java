/**
 * The AI plug-in's pages and routes: the operators' page, the study page's 「AI解析を依頼 / Ask AI」 and AI findings, the
 * scoped DICOMweb route and the callback the services call with their work item's tokens (no session, no CSRF token).
 */
package org.musubi.imaging.ai.web;
