package org.musubi.carenet.catalog;

/** Where a template version stands: edited ({@code DRAFT}), offered ({@code PUBLISHED}) or offered no more. */
public enum TemplateStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
