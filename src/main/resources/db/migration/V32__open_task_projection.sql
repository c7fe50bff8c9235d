-- Issue 21: the engine's open user tasks, one row per task and candidate group, written by the global
-- task listener workflow/TaskProjection in the engine's transaction (create, assignment/update,
-- complete/delete). The instructors' queue and /api/tasks read it with one indexed range query per page.
-- Empty after this migration: Agir fills it from the engine at its next start (see README, Operations).
CREATE TABLE open_task (
  task_id VARCHAR(64) NOT NULL,
  candidate_group VARCHAR(100) NOT NULL,
  task_key VARCHAR(100) NOT NULL,
  task_name VARCHAR(255),
  process_instance_id VARCHAR(64) NOT NULL,
  business_key VARCHAR(255),
  campaign_id BIGINT,
  thematic VARCHAR(40),
  ept VARCHAR(40),
  amount BIGINT,
  due_at DATETIME(3),
  assignee VARCHAR(255),
  created_at DATETIME(3) NOT NULL,
  CONSTRAINT pk_open_task PRIMARY KEY (task_id, candidate_group)
);
CREATE INDEX ix_open_task_created ON open_task (candidate_group, created_at, task_id);
CREATE INDEX ix_open_task_due ON open_task (candidate_group, due_at, created_at);
CREATE INDEX ix_open_task_amount ON open_task (candidate_group, amount, created_at);
CREATE INDEX ix_open_task_step ON open_task (candidate_group, task_key, assignee);
CREATE INDEX ix_open_task_business_key ON open_task (business_key, candidate_group);
