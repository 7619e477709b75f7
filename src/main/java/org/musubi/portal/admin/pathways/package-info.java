/**
 * The pathway templates' editor for network operators ({@code /admin/pathways}): the templates and their versions, a
 * new template or version, the form editor of a draft (title, stages, each stage's Questionnaire items), import and
 * export of the JSON, publish and retire, over {@link org.musubi.carenet.catalog.TemplateStore}.
 */
package org.musubi.portal.admin.pathways;
