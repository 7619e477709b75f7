-- AI plug-in (issue 47, docs/imaging.md "AI"): the study page finds a study's AI findings by its DONE work items.
CREATE INDEX ai_work_item_study ON ai_work_item (study_uid);
