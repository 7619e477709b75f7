/**
 * The AI plug-in (issue 47): AI services operators register by URL ({@link org.musubi.imaging.ai.AiService}), studies
 * sent to them as work items ({@link org.musubi.imaging.ai.AiWorkItem}, states {@link
 * org.musubi.imaging.ai.WorkState}), the contract's JSON ({@link org.musubi.imaging.ai.AiContract}), the tokens that
 * scope a service to one work item's study and callback ({@link org.musubi.imaging.ai.AiTokens}), and the findings
 * made into a DiagnosticReport with Observations marked as AI-generated ({@link org.musubi.imaging.ai.AiFindings}).
 * The real model is outside Musubi; the contract is docs/imaging.md, "AI".
 */
package org.musubi.imaging.ai;
