-- Issue 21, third pass: what tells apart a case's open tasks at the same step (the installment of a
-- payment, the year of a report, the directorate of an opinion), as "name=value" of the task's process
-- variable (workflow/TaskProjection.DISCRIMINATORS), so that Workflow.pendingTask finds such a step on
-- this table's index instead of the engine's task query with a process-variable condition.
-- Null in the rows written before it: Agir rebuilds the projection at its next start when asked
-- (agir.task-projection.rebuild=true); until then those steps are found by the engine's query, as before.
ALTER TABLE open_task ADD COLUMN discriminator VARCHAR(120) NULL;
CREATE INDEX ix_open_task_step_of_case ON open_task (business_key, task_key, discriminator);
